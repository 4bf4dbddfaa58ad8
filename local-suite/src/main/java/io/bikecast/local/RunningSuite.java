package io.bikecast.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite, running: PostgreSQL, Kafka and the services. Closing it stops the services first (gracefully, in
 * reverse order), then Kafka, then PostgreSQL, so that nothing in flight is cut off from its store.
 */
public final class RunningSuite implements AutoCloseable {

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final List<ServiceDefinition> services;
    private final List<ConfigurableApplicationContext> contexts;

    private RunningSuite(
            LocalPostgres postgres,
            LocalKafka kafka,
            List<ServiceDefinition> services,
            List<ConfigurableApplicationContext> contexts) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
        this.contexts = contexts;
    }

    static RunningSuite start(SuiteSettings settings) {
        LocalPostgres postgres = LocalPostgres.start(settings.dataDirectory(), settings.postgresPort());
        LocalKafka kafka = LocalKafka.start(settings.kafkaPort());
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        RunningSuite suite = new RunningSuite(postgres, kafka, settings.services(), contexts);
        try {
            Map<String, Object> shared = new HashMap<>(settings.serviceProperties());
            // Prediction and monitoring read the registry through training's API: point them at this suite's training.
            // (A suite of some services only, as a test may start, leaves out what it lacks.)
            if (suite.has("training-service")) {
                shared.putIfAbsent("bikecast.prediction.registry.base-url", suite.baseUrl("training-service"));
                shared.putIfAbsent("bikecast.monitoring.registry.base-url", suite.baseUrl("training-service"));
            }
            // Training reads its data, and prediction rebuilds its recent demand, through ingest's API.
            if (suite.has("ingest-service")) {
                shared.putIfAbsent("bikecast.training.ingest.base-url", suite.baseUrl("ingest-service"));
                shared.putIfAbsent("bikecast.prediction.ingest.base-url", suite.baseUrl("ingest-service"));
            }
            // The console reads every service through its API.
            for (String service : List.of("prediction", "ingest", "training", "monitoring")) {
                if (suite.has(service + "-service")) {
                    shared.putIfAbsent("bikecast.console." + service + "-url", suite.baseUrl(service + "-service"));
                }
            }
            shared.putIfAbsent(
                    "bikecast.prediction.registry.cache-directory",
                    settings.dataDirectory()
                            .resolveSibling("prediction-cache")
                            .toAbsolutePath()
                            .toString());
            for (ServiceDefinition service : settings.services()) {
                contexts.add(start(service, postgres, kafka, shared));
            }
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private static ConfigurableApplicationContext start(
            ServiceDefinition service, LocalPostgres postgres, LocalKafka kafka, Map<String, Object> shared) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.putAll(service.properties());
        // The services share one logging system, which would label every line with the first service's name.
        properties.put("logging.include-application-name", false);
        properties.put("server.port", service.port());
        if (service.schema() != null) {
            LocalPostgres.Role role = postgres.roleFor(service.role(), service.schema());
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", role.username());
            properties.put("spring.datasource.password", role.password());
        }
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        // As command-line arguments: they outrank the service's own file, as an operator's settings should.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run(arguments);
    }

    public String baseUrl(String serviceName) {
        return services.stream()
                .filter(service -> service.name().equals(serviceName))
                .findFirst()
                .map(ServiceDefinition::baseUrl)
                .orElseThrow(() -> new IllegalArgumentException("no service " + serviceName));
    }

    boolean has(String serviceName) {
        return services.stream().anyMatch(service -> service.name().equals(serviceName));
    }

    List<ServiceDefinition> services() {
        return services;
    }

    String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        kafka.close();
        postgres.close();
    }
}
