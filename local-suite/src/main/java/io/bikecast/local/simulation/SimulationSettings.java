package io.bikecast.local.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the GBFS simulator simulates.
 *
 * @param stations how many stations the system has (1 to 20,000)
 * @param from the first day of the window of {@code hour.csv} replayed (default 2012-09-01)
 * @param days how many days it replays (default 7)
 * @param seed the seed of the stations' weights, places and trips (default 42): the same settings give the same
 *     system and the same snapshots
 * @param systemId the system's id in ingest, which is also its weather location's (default {@code sim}); its stations'
 *     series are {@code <systemId>-<station_id>}
 * @param pollInterval ingest's {@code min-poll-interval} and {@code tick} for the simulated system (default 1s): the
 *     feed moves one snapshot per poll, so this sets the pace of the replay
 * @param rebalancingThreshold ingest's {@code rebalancing-threshold} (default 10, ingest's own): no simulated step
 *     between two snapshots moves that many bikes at one station, so that no rider's trip is taken for a truck
 */
public record SimulationSettings(
        int stations,
        LocalDate from,
        int days,
        long seed,
        String systemId,
        Duration pollInterval,
        int rebalancingThreshold) {

    public static final LocalDate DEFAULT_FROM = LocalDate.of(2012, 9, 1);
    public static final int DEFAULT_DAYS = 7;
    public static final String DEFAULT_SYSTEM = "sim";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int MAX_STATIONS = 20_000;

    private static final Pattern INTERVAL = Pattern.compile("([0-9]{1,6})(ms|s)");

    public SimulationSettings {
        if (stations < 1 || stations > MAX_STATIONS) {
            throw new IllegalArgumentException(
                    "--simulate-gbfs takes 1 to " + MAX_STATIONS + " stations, not " + stations);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("--simulate-days takes 1 to 366 days, not " + days);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--simulate-poll-interval must be positive, not " + pollInterval);
        }
        if (rebalancingThreshold < 2) {
            throw new IllegalArgumentException(
                    "the rebalancing threshold must be at least 2 for riders to move a bike, not "
                            + rebalancingThreshold);
        }
    }

    /** {@code stations} stations over the default window, seed, system id, pace and threshold. */
    public static SimulationSettings of(int stations) {
        return new SimulationSettings(
                stations, DEFAULT_FROM, DEFAULT_DAYS, 42, DEFAULT_SYSTEM, DEFAULT_POLL_INTERVAL, 10);
    }

    /** The same with another window. */
    public SimulationSettings window(LocalDate newFrom, int newDays) {
        return new SimulationSettings(stations, newFrom, newDays, seed, systemId, pollInterval, rebalancingThreshold);
    }

    /** The same at another pace. */
    public SimulationSettings pollingEvery(Duration interval) {
        return new SimulationSettings(stations, from, days, seed, systemId, interval, rebalancingThreshold);
    }

    /** The first day after the window. */
    public LocalDate to() {
        return from.plusDays(days);
    }

    /**
     * Reads {@code --simulate-gbfs N} and the other {@code --simulate-*} options.
     *
     * @throws IllegalArgumentException naming the option that is missing, unknown or malformed
     */
    public static SimulationSettings parse(List<String> args) {
        Integer stations = null;
        LocalDate from = DEFAULT_FROM;
        int days = DEFAULT_DAYS;
        long seed = 42;
        Duration interval = DEFAULT_POLL_INTERVAL;
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(i + 1);
            switch (name) {
                case "--simulate-gbfs" -> stations = number(name, value);
                case "--simulate-from" -> {
                    try {
                        from = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(name + " is a date like 2012-09-01, not " + value);
                    }
                }
                case "--simulate-days" -> days = number(name, value);
                case "--simulate-seed" -> seed = number(name, value);
                case "--simulate-poll-interval" -> {
                    Matcher m = INTERVAL.matcher(value);
                    if (!m.matches()) {
                        throw new IllegalArgumentException(name + " is a duration like 1s or 250ms, not " + value);
                    }
                    long amount = Long.parseLong(m.group(1));
                    interval = m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
                }
                default -> throw new IllegalArgumentException("unknown argument " + name);
            }
        }
        if (stations == null) {
            throw new IllegalArgumentException("--simulate-gbfs N is needed with the other --simulate options");
        }
        return new SimulationSettings(stations, from, days, seed, DEFAULT_SYSTEM, interval, 10);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a whole number, not " + value);
        }
    }
}
