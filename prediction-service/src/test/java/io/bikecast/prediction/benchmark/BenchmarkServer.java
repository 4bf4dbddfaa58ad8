package io.bikecast.prediction.benchmark;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.prediction.PredictionApplication;
import io.bikecast.testsupport.RegistryFixture;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import io.bikecast.testsupport.UciDataset;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Starts the prediction service for {@link HttpLoadBenchmark} as it runs in production, prediction logging to Kafka
 * included, on embedded PostgreSQL and an embedded Kafka broker, with the {@link BenchmarkForest} as champion. Runs
 * until stopped (Ctrl-C).
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx2g ./mvnw -pl prediction-service test-compile exec:java
 * -Dexec.mainClass=io.bikecast.prediction.benchmark.BenchmarkServer [-Dexec.args=8080]}
 */
public final class BenchmarkServer {

    private BenchmarkServer() {}

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : "8080";
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        String database = SharedInfrastructure.createDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                infrastructure.jdbcUrl(database), infrastructure.username(), infrastructure.password());
        Model<Regressor> forest = BenchmarkForest.load();
        RegistryFixture registry = new RegistryFixture(dataSource).migrate();
        long version = registry.register(
                "bike-demand",
                forest,
                RegistryFixture.referenceSample(forest, UciDataset.hours().subList(0, 2_000)),
                new ModelMetrics(0, 0, 0, 0),
                "champion");
        registry.setAlias("bike-demand", ModelRegistryReader.CHAMPION, version);

        // Command-line arguments: they take precedence over prediction-service.yml, unlike default properties.
        SpringApplication.run(
                PredictionApplication.class,
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--server.port=" + port,
                "--logging.level.root=WARN",
                "--logging.level.io.bikecast=INFO");
        System.out.println("Serving " + BenchmarkForest.describe() + " on http://127.0.0.1:" + port
                + "/predict; prediction log to Kafka at " + infrastructure.kafkaBootstrapServers());
    }
}
