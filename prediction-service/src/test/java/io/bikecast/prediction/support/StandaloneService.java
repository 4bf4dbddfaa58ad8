package io.bikecast.prediction.support;

import io.bikecast.prediction.PredictionApplication;
import io.bikecast.testsupport.SharedInfrastructure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prediction service started outside the Spring test context, as a deployment starts it, for the tests of its
 * start-up: started again on the same cache directory, or while the training service is down. It reads the real Kafka
 * broker of the shared test infrastructure and retries the registry as {@link PredictionServiceTest} does.
 */
public final class StandaloneService {

    private StandaloneService() {}

    /** Starts the service, reading models from {@code trainingUrl}, caching them in {@code cacheDirectory}. */
    public static ConfigurableApplicationContext start(String trainingUrl, Path cacheDirectory, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.get().kafkaBootstrapServers(),
                "--bikecast.prediction.registry.base-url=" + trainingUrl,
                "--bikecast.prediction.registry.cache-directory=" + cacheDirectory,
                "--bikecast.prediction.registry.retry-interval=200ms",
                "--bikecast.prediction.registry.max-retry-interval=1s",
                "--bikecast.prediction.registry-refresh-interval=10m"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(PredictionApplication.class)
                .registerShutdownHook(false)
                .run(all.toArray(String[]::new));
    }

    /** A client of the started service. */
    public static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
