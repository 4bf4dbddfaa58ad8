package io.bikecast.local;

import io.bikecast.console.ConsoleApplication;
import io.bikecast.ingest.IngestApplication;
import io.bikecast.monitoring.MonitoringApplication;
import io.bikecast.prediction.PredictionApplication;
import io.bikecast.training.TrainingApplication;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of the services (the four and the console), as the local suite starts it.
 *
 * @param name the service's name, which is also its configuration file
 * @param application its {@code @SpringBootApplication} class
 * @param port the port it listens on when started by the suite
 * @param properties settings only this service gets in the suite, where all services share one classpath
 * @param schema the PostgreSQL schema the service owns, or null for one that keeps no state there; a service with a
 *     schema logs in as a role of its own that owns that schema and nothing else ({@link LocalPostgres#roleFor})
 */
record ServiceDefinition(
        String name,
        Class<?> application,
        int port,
        Map<String, Object> properties,
        @Nullable String schema) {

    /**
     * The four services and the console on their usual ports, in the order they start: data first, consumers of models
     * after, the console (which only reads the others' APIs) last.
     */
    static List<ServiceDefinition> usual() {
        return List.of(
                new ServiceDefinition("ingest-service", IngestApplication.class, 8081, Map.of(), "ingest"),
                new ServiceDefinition("training-service", TrainingApplication.class, 8082, Map.of(), "registry"),
                // It has no database; alone it has no JDBC on its classpath, but here the others' JDBC and Flyway are.
                new ServiceDefinition(
                        "prediction-service",
                        PredictionApplication.class,
                        8080,
                        Map.of(
                                "spring.flyway.enabled",
                                false,
                                "spring.autoconfigure.exclude",
                                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
                        null),
                new ServiceDefinition("monitoring-service", MonitoringApplication.class, 8083, Map.of(), "monitoring"),
                // Neither database nor Kafka of its own: it reads the services' APIs, and its settings are console.yml.
                new ServiceDefinition(
                        "console",
                        ConsoleApplication.class,
                        8084,
                        Map.of(
                                "spring.config.name",
                                ConsoleApplication.CONFIG_NAME,
                                "spring.flyway.enabled",
                                false,
                                "spring.autoconfigure.exclude",
                                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
                        null));
    }

    /** The same service with further settings of its own, which win over those it had. */
    ServiceDefinition withProperties(Map<String, Object> more) {
        Map<String, Object> merged = new java.util.HashMap<>(properties);
        merged.putAll(more);
        return new ServiceDefinition(name, application, port, Map.copyOf(merged), schema);
    }

    ServiceDefinition onPort(int newPort) {
        return new ServiceDefinition(name, application, newPort, properties, schema);
    }

    /** Its own database role: {@code ingest_service} for {@code ingest-service}. */
    String role() {
        return name.replace('-', '_');
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
