package io.bikecast.prediction.benchmark;

import io.bikecast.model.ModelArtifacts;
import io.bikecast.prediction.PredictionApplication;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.TestInfrastructure;
import io.bikecast.testsupport.UciDataset;
import org.springframework.boot.SpringApplication;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Starts the prediction service for {@link HttpLoadBenchmark} as it runs in production, prediction logging to Kafka
 * included, on an embedded Kafka broker, with the {@link BenchmarkForest} as champion of a registry that answers the
 * training service's API contract (the service downloads the artifact from it at start-up). Runs until stopped
 * (Ctrl-C).
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx2g ./mvnw -pl prediction-service test-compile exec:java
 * -Dexec.mainClass=io.bikecast.prediction.benchmark.BenchmarkServer [-Dexec.args=8080]}
 */
public final class BenchmarkServer {

    private BenchmarkServer() {}

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : "8080";
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        Model<Regressor> forest = BenchmarkForest.load();
        FakeTrainingRegistry registry = FakeTrainingRegistry.start(TestModels.MODEL_NAME);
        long version = registry.register(
                ModelArtifacts.write(forest),
                TestForests.referenceSample(forest, UciDataset.hours().subList(0, 2_000)),
                TestModels.METRICS);
        registry.setAlias(TestModels.CHAMPION, version);

        // Command-line arguments: they take precedence over prediction-service.yml, unlike default properties.
        SpringApplication.run(
                PredictionApplication.class,
                "--bikecast.prediction.registry.base-url=" + registry.baseUrl(),
                "--bikecast.prediction.registry.cache-directory=" + TestModels.newCacheDirectory(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--server.port=" + port,
                "--logging.level.root=WARN",
                "--logging.level.io.bikecast=INFO");
        System.out.println("Serving " + BenchmarkForest.describe() + " on http://127.0.0.1:" + port
                + "/predict; prediction log to Kafka at " + infrastructure.kafkaBootstrapServers());
    }
}
