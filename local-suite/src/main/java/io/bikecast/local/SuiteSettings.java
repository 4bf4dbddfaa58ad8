package io.bikecast.local;

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
 * @param uciDirectory the directory holding the UCI {@code hour.csv} to bootstrap from; empty to download it
 * @param properties further settings given to every service, e.g. a webhook URL
 */
record SuiteSettings(
        Path dataDirectory,
        int postgresPort,
        int kafkaPort,
        List<ServiceDefinition> services,
        String apiKey,
        Optional<Path> uciDirectory,
        Map<String, Object> properties) {

    static final String DEFAULT_API_KEY = "local-dev-key";

    /** Where the UCI data lies beside a checkout of the project, as on the development machines and in CI. */
    static final Path SHARED_UCI_DIRECTORY = Path.of("../shared/data/uci-bike-sharing");

    /**
     * The usual settings, each overridable by an environment variable: {@code BIKECAST_LOCAL_DATA}, {@code
     * BIKECAST_LOCAL_POSTGRES_PORT}, {@code BIKECAST_LOCAL_KAFKA_PORT}, {@code BIKECAST_API_KEY} and {@code
     * BIKECAST_UCI_HOUR_CSV} (the path of {@code hour.csv}).
     */
    static SuiteSettings fromEnvironment(Map<String, String> env) {
        return new SuiteSettings(
                Path.of(env.getOrDefault("BIKECAST_LOCAL_DATA", ".local")).resolve("postgres"),
                Integer.parseInt(env.getOrDefault("BIKECAST_LOCAL_POSTGRES_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("BIKECAST_LOCAL_KAFKA_PORT", "9092")),
                ServiceDefinition.usual(),
                env.getOrDefault("BIKECAST_API_KEY", DEFAULT_API_KEY),
                uciDirectory(env.get("BIKECAST_UCI_HOUR_CSV")),
                Map.of());
    }

    private static Optional<Path> uciDirectory(String hourCsv) {
        Path file = hourCsv != null && !hourCsv.isBlank() ? Path.of(hourCsv) : SHARED_UCI_DIRECTORY.resolve("hour.csv");
        return Files.isRegularFile(file) ? Optional.of(file.toAbsolutePath().getParent()) : Optional.empty();
    }

    /** The settings every service gets: the given properties, the API key, and ingest's data directory. */
    Map<String, Object> serviceProperties() {
        Map<String, Object> shared = new HashMap<>(properties);
        shared.put("bikecast.security.api-key.key", apiKey);
        uciDirectory.ifPresent(dir -> shared.put("bikecast.ingest.data-directory", dir.toString()));
        return shared;
    }
}
