package io.bikecast.local;

import io.bikecast.ingest.IngestApplication;
import io.bikecast.monitoring.MonitoringApplication;
import io.bikecast.prediction.PredictionApplication;
import io.bikecast.training.TrainingApplication;
import java.util.List;
import java.util.Map;

/**
 * One of the four services, as the local suite starts it.
 *
 * @param name the service's name, which is also its configuration file
 * @param application its {@code @SpringBootApplication} class
 * @param port the port it listens on when started by the suite
 * @param properties settings only this service gets in the suite, where all services share one classpath
 */
record ServiceDefinition(String name, Class<?> application, int port, Map<String, Object> properties) {

    /** The four services on their usual ports, in the order they start: data first, consumers of models last. */
    static List<ServiceDefinition> usual() {
        return List.of(
                new ServiceDefinition("ingest-service", IngestApplication.class, 8081, Map.of()),
                new ServiceDefinition("training-service", TrainingApplication.class, 8082, Map.of()),
                // It owns no schema; alone it has no Flyway, but here the others' Flyway and migrations are visible.
                new ServiceDefinition(
                        "prediction-service",
                        PredictionApplication.class,
                        8080,
                        Map.of("spring.flyway.enabled", false)),
                new ServiceDefinition("monitoring-service", MonitoringApplication.class, 8083, Map.of()));
    }

    ServiceDefinition onPort(int newPort) {
        return new ServiceDefinition(name, application, newPort, properties);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
