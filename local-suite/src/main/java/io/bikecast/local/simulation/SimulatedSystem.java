package io.bikecast.local.simulation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The simulated system, generated once from its settings and the window of {@code hour.csv}: its stations, every
 * snapshot of its {@code station_status} in order, and the trips each station hour really had.
 *
 * <p>Each hour's {@code cnt} becomes that many trips. A trip leaves from a station drawn by the stations' weights
 * (log-normal, so a few stations are busy and most are quiet, as in a real system) and ends at a station drawn by the
 * same weights scaled by how empty the station is, so that stations drift back towards half full instead of
 * draining. A trip from an empty station or to a full one cannot happen and is not counted (it is turned away, as a
 * rider would be); such hours are flagged by ingest as empty or full, and only those.
 *
 * <p>So that ingest's derivation from snapshot to snapshot recovers the trips exactly, the hour is split into steps
 * that carry only departures or only arrivals, alternately, and so many of them that no station moves as many bikes in
 * one step as ingest takes for a rebalancing truck: each hour has {@code 2K} snapshots, {@code K} the smallest number
 * of steps that keeps every station's share of one step below the threshold.
 */
final class SimulatedSystem {

    /** Where the UCI data comes from, and the zone of its hours. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    static final double CENTER_LATITUDE = 38.9072;
    static final double CENTER_LONGITUDE = -77.0369;

    private static final String[] PLACES = {
        "Dupont Circle",
        "Union Station",
        "Logan Circle",
        "Foggy Bottom",
        "Capitol Hill",
        "Adams Morgan",
        "Navy Yard",
        "Georgetown",
        "Columbia Heights",
        "Eastern Market",
        "Shaw",
        "U Street",
        "Woodley Park",
        "Penn Quarter",
        "Mount Vernon Square",
        "Anacostia",
        "Brookland",
        "Petworth",
        "Southwest Waterfront",
        "Farragut Square"
    };

    /** One station of {@code station_information}. */
    record Station(String id, String name, double lat, double lon, int capacity, double weight) {}

    /**
     * One {@code station_status}.
     *
     * @param hour the index of the simulated hour it falls in; {@link #hours()}'s size for the closing snapshot
     * @param vehicles the bikes available at each station, by station index
     */
    record Snapshot(Instant lastUpdated, int hour, int[] vehicles) {}

    /** One hour of the window: its start, its local time and the data set's demand (0 if the data has no row). */
    record Hour(Instant start, LocalDateTime local, int demand, boolean inData) {}

    private final List<Station> stations;
    private final List<Hour> hours;
    private final List<Snapshot> snapshots;
    private final int[][] departures;
    private final int[][] arrivals;
    private final boolean[][] emptyOrFull;
    private final long trips;
    private final long turnedAway;

    private SimulatedSystem(
            List<Station> stations,
            List<Hour> hours,
            List<Snapshot> snapshots,
            int[][] departures,
            int[][] arrivals,
            boolean[][] emptyOrFull,
            long trips,
            long turnedAway) {
        this.stations = stations;
        this.hours = hours;
        this.snapshots = snapshots;
        this.departures = departures;
        this.arrivals = arrivals;
        this.emptyOrFull = emptyOrFull;
        this.trips = trips;
        this.turnedAway = turnedAway;
    }

    static SimulatedSystem generate(SimulationSettings settings, List<SimulatedHour> data) {
        Map<LocalDateTime, SimulatedHour> byHour = new HashMap<>();
        data.forEach(row -> byHour.put(row.hour(), row));
        List<Hour> hours = hoursOf(settings, byHour);
        int peak = Math.max(1, hours.stream().mapToInt(Hour::demand).max().orElse(1));
        Random random = new Random(settings.seed());
        List<Station> stations = stations(settings, peak, random);
        int n = stations.size();
        double[] weight = stations.stream().mapToDouble(Station::weight).toArray();
        int[] capacity = stations.stream().mapToInt(Station::capacity).toArray();
        int[] vehicles = new int[n];
        for (int i = 0; i < n; i++) {
            vehicles[i] = capacity[i] / 2;
        }
        int[][] departures = new int[hours.size()][n];
        int[][] arrivals = new int[hours.size()][n];
        boolean[][] emptyOrFull = new boolean[hours.size()][n];
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(new Snapshot(hours.getFirst().start(), 0, vehicles.clone()));
        int perStep = settings.rebalancingThreshold() - 1;
        long trips = 0;
        long turnedAway = 0;
        double[] pull = new double[n];
        for (int h = 0; h < hours.size(); h++) {
            Hour hour = hours.get(h);
            int[] planDepartures = draw(hour.demand(), weight, random);
            for (int i = 0; i < n; i++) {
                // Emptier stations draw more returns: the drift back to half full that real systems show.
                double room = (capacity[i] - vehicles[i]) / (capacity[i] / 2.0);
                pull[i] = weight[i] * Math.clamp(room, 0.25, 4.0);
            }
            int[] planArrivals = draw(hour.demand(), pull, random);
            int most = 0;
            for (int i = 0; i < n; i++) {
                most = Math.max(most, Math.max(planDepartures[i], planArrivals[i]));
            }
            int steps = Math.max(1, (most + perStep - 1) / perStep);
            long slots = 2L * steps + 1;
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < n; i++) {
                    int want = shareOf(planDepartures[i], steps, step);
                    int taken = Math.min(want, vehicles[i]);
                    vehicles[i] -= taken;
                    departures[h][i] += taken;
                    trips += taken;
                    turnedAway += want - taken;
                }
                snapshots.add(snapshot(hour, h, (2L * step + 1) * 3600 / slots, vehicles, capacity, emptyOrFull));
                for (int i = 0; i < n; i++) {
                    int want = shareOf(planArrivals[i], steps, step);
                    int returned = Math.min(want, capacity[i] - vehicles[i]);
                    vehicles[i] += returned;
                    arrivals[h][i] += returned;
                }
                snapshots.add(snapshot(hour, h, (2L * step + 2) * 3600 / slots, vehicles, capacity, emptyOrFull));
            }
        }
        // A snapshot at the end of the window closes its last hour; the feed then stays at it.
        Instant end = settings.to().atStartOfDay(ZONE).toInstant();
        snapshots.add(new Snapshot(end, hours.size(), vehicles.clone()));
        return new SimulatedSystem(
                List.copyOf(stations),
                List.copyOf(hours),
                List.copyOf(snapshots),
                departures,
                arrivals,
                emptyOrFull,
                trips,
                turnedAway);
    }

    private static Snapshot snapshot(
            Hour hour, int h, long second, int[] vehicles, int[] capacity, boolean[][] emptyOrFull) {
        for (int i = 0; i < vehicles.length; i++) {
            if (vehicles[i] == 0 || vehicles[i] == capacity[i]) {
                emptyOrFull[h][i] = true;
            }
        }
        return new Snapshot(hour.start().plusSeconds(second), h, vehicles.clone());
    }

    /** Step {@code step}'s part of {@code total} spread over {@code steps} steps: never more than the ceiling. */
    private static int shareOf(int total, int steps, int step) {
        return total / steps + (step < total % steps ? 1 : 0);
    }

    /** {@code count} trips over the stations, each drawn with probability proportional to {@code weight}. */
    private static int[] draw(int count, double[] weight, Random random) {
        double[] cumulative = new double[weight.length];
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            sum += weight[i];
            cumulative[i] = sum;
        }
        int[] drawn = new int[weight.length];
        for (int t = 0; t < count; t++) {
            double u = random.nextDouble() * sum;
            int lo = 0;
            int hi = weight.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            drawn[lo]++;
        }
        return drawn;
    }

    /**
     * The local hours of the window in order, each at the instant it starts. A local hour the spring change skips does
     * not exist; the autumn change's second 01:00 is not simulated (ingest fills it as a not-reporting hour).
     */
    private static List<Hour> hoursOf(SimulationSettings settings, Map<LocalDateTime, SimulatedHour> data) {
        List<Hour> hours = new ArrayList<>();
        for (LocalDateTime local = settings.from().atStartOfDay();
                local.isBefore(settings.to().atStartOfDay());
                local = local.plusHours(1)) {
            ZonedDateTime zoned = local.atZone(ZONE);
            if (!zoned.toLocalDateTime().equals(local)) {
                continue;
            }
            SimulatedHour row = data.get(local);
            hours.add(new Hour(zoned.toInstant(), local, row == null ? 0 : row.cnt(), row != null));
        }
        return hours;
    }

    /**
     * Stations with log-normal weights around central Washington, each with room for two and a half times its share
     * of the window's busiest hour (at least 11 docks), so that a station starting half full seldom runs empty or full.
     */
    private static List<Station> stations(SimulationSettings settings, int peak, Random random) {
        int n = settings.stations();
        double[] weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = Math.exp(0.9 * random.nextGaussian());
            total += weight[i];
        }
        List<Station> stations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double share = weight[i] / total;
            int capacity = Math.max(11, (int) Math.ceil(2.5 * peak * share) + 6);
            String id = Integer.toString(31000 + i);
            String name = String.format(Locale.ROOT, "%s %d", PLACES[i % PLACES.length], i / PLACES.length + 1);
            double lat = CENTER_LATITUDE + 0.025 * random.nextGaussian();
            double lon = CENTER_LONGITUDE + 0.035 * random.nextGaussian();
            stations.add(new Station(id, name, lat, lon, capacity, share));
        }
        return stations;
    }

    List<Station> stations() {
        return stations;
    }

    List<Hour> hours() {
        return hours;
    }

    List<Snapshot> snapshots() {
        return snapshots;
    }

    int departures(int hour, int station) {
        return departures[hour][station];
    }

    int arrivals(int hour, int station) {
        return arrivals[hour][station];
    }

    /** Whether a snapshot of the hour showed the station empty or full. */
    boolean emptyOrFull(int hour, int station) {
        return emptyOrFull[hour][station];
    }

    /** The trips that happened. */
    long trips() {
        return trips;
    }

    /** The trips the data set asked for that an empty station could not serve. */
    long turnedAway() {
        return turnedAway;
    }
}
