package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the suite.
 *
 * @param dataDirectory where PostgreSQL keeps its data between runs (default {@code .local/postgres})
 * @param postgresPort PostgreSQL's port (default 15432, beside a system PostgreSQL on 5432)
 * @param kafkaPort the Kafka broker's client port (default 9092; 0 picks a free one)
 * @param services the services and their ports
 * @param apiKey the {@code X-API-Key} of every service's mutating endpoints (default {@code local-dev-key})
 * @param uciHourCsv the UCI hourly data file to bootstrap from (any name); empty to download the official archive
 * @param properties further settings given to every service, e.g. a webhook URL
 */
record SuiteSettings(
        Path dataDirectory,
        int postgresPort,
        int kafkaPort,
        List<ServiceDefinition> services,
        String apiKey,
        Optional<Path> uciHourCsv,
        Map<String, Object> properties) {

    static final String HOUR_CSV_ENV = "BIKECAST_UCI_HOUR_CSV";

    static final String DEFAULT_API_KEY = "local-dev-key";

    /** Where the UCI data lies beside a checkout of the project, as on the development machines and in CI. */
    static final Path SHARED_UCI_DIRECTORY = Path.of("../shared/data/uci-bike-sharing");

    /**
     * The usual settings, each overridable by an environment variable: {@code BIKECAST_LOCAL_DATA}, {@code
     * BIKECAST_LOCAL_POSTGRES_PORT}, {@code BIKECAST_LOCAL_KAFKA_PORT}, {@code BIKECAST_API_KEY} and {@code
     * BIKECAST_UCI_HOUR_CSV} (the path of the UCI hourly file, whatever its name).
     *
     * @throws IllegalArgumentException if {@code BIKECAST_UCI_HOUR_CSV} names something that is not a file: a user
     *     who points at a file means that file, not a download or a neighbour
     */
    static SuiteSettings fromEnvironment(Map<String, String> env) {
        return new SuiteSettings(
                Path.of(env.getOrDefault("BIKECAST_LOCAL_DATA", ".local")).resolve("postgres"),
                Integer.parseInt(env.getOrDefault("BIKECAST_LOCAL_POSTGRES_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("BIKECAST_LOCAL_KAFKA_PORT", "9092")),
                ServiceDefinition.usual(),
                env.getOrDefault("BIKECAST_API_KEY", DEFAULT_API_KEY),
                uciHourCsv(env.get(HOUR_CSV_ENV)),
                Map.of());
    }

    static Optional<Path> uciHourCsv(String hourCsv) {
        if (hourCsv != null && !hourCsv.isBlank()) {
            Path named = Path.of(hourCsv).toAbsolutePath().normalize();
            if (!Files.isRegularFile(named)) {
                throw new IllegalArgumentException(HOUR_CSV_ENV + " is " + hourCsv + ", but " + named
                        + " is not a file; point it at the UCI hourly CSV, or unset it to use "
                        + SHARED_UCI_DIRECTORY.resolve("hour.csv") + " or the official download");
            }
            return Optional.of(realPath(named));
        }
        Path shared = SHARED_UCI_DIRECTORY.resolve("hour.csv");
        return Files.isRegularFile(shared) ? Optional.of(realPath(shared)) : Optional.empty();
    }

    /** Where the file really is: ingest reads by reference only inside its data directory, never through links. */
    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + file, e);
        }
    }

    /**
     * The settings every service gets: the given properties, the API key, and as ingest's data directory the folder of
     * the UCI file (ingest reads files by reference only from there).
     */
    Map<String, Object> serviceProperties() {
        Map<String, Object> shared = new HashMap<>(properties);
        shared.put("bikecast.security.api-key.key", apiKey);
        shared.put("bikecast.security.api-key.allow-published-key", true);
        uciHourCsv.ifPresent(file ->
                shared.put("bikecast.ingest.data-directory", file.getParent().toString()));
        return shared;
    }
}
