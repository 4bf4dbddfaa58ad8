package io.bikecast.ingest.benchmark;

import io.bikecast.ingest.IngestApi;
import io.bikecast.ingest.IngestApplication;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest service as every benchmark runs it: on the shared embedded PostgreSQL (a database of its own) and Kafka,
 * on a free port, logging only warnings and bikecast's own lines.
 */
final class BenchmarkService {

    private BenchmarkService() {}

    /** Starts the service; the caller closes the context. */
    static ConfigurableApplicationContext start() {
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        String database = SharedInfrastructure.createDatabase();
        return new SpringApplication(IngestApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                        "--spring.datasource.username=" + infrastructure.username(),
                        "--spring.datasource.password=" + infrastructure.password(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--bikecast.security.api-key.key=" + IngestApi.KEY,
                        "--logging.level.root=WARN",
                        "--logging.level.io.bikecast=INFO");
    }

    /** The port the started service listens on. */
    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
