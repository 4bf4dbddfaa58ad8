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
 * @param database whether the service keeps state in PostgreSQL, and so gets the suite's database connection
 */
record ServiceDefinition(
        String name, Class<?> application, int port, Map<String, Object> properties, boolean database) {

    /** The four services on their usual ports, in the order they start: data first, consumers of models last. */
    static List<ServiceDefinition> usual() {
        return List.of(
                new ServiceDefinition("ingest-service", IngestApplication.class, 8081, Map.of(), true),
                new ServiceDefinition("training-service", TrainingApplication.class, 8082, Map.of(), true),
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
                        false),
                new ServiceDefinition("monitoring-service", MonitoringApplication.class, 8083, Map.of(), true));
    }

    ServiceDefinition onPort(int newPort) {
        return new ServiceDefinition(name, application, newPort, properties, database);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }
}
