package io.bikecast.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a backtest replays and where it keeps its state.
 *
 * @param from the first fed day: the hours before it are the bootstrap history
 * @param to the day after the last fed one (exclusive)
 * @param policyOn whether monitoring's retraining policy runs; off sets only {@code
 *     bikecast.monitoring.policy.enabled=false}
 * @param directory wiped first, then holds the suite's data and the reports
 * @param hourCsv the UCI {@code hour.csv} to replay
 * @param properties settings given to every service on top of the shipped defaults and the data clock (tests pass the
 *     webhook URLs here; the command line passes none)
 * @param stepTimeout how long one step may take (a training run, a model being served, the clock moving on)
 */
record BacktestSettings(
        LocalDate from,
        LocalDate to,
        boolean policyOn,
        Path directory,
        Path hourCsv,
        String apiKey,
        Map<String, Object> properties,
        Duration stepTimeout) {

    static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(30);

    BacktestSettings {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
        properties = Map.copyOf(properties);
    }

    String policy() {
        return policyOn ? "on" : "off";
    }

    /** The default place of a backtest's directory under the local suite's data directory. */
    static Path defaultDirectory(Path localData, LocalDate from, LocalDate to, boolean policyOn) {
        return localData.resolve("backtest").resolve(from + "_" + to + "_" + (policyOn ? "on" : "off"));
    }
}
