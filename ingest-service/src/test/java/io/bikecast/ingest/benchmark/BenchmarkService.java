package io.bikecast.ingest.benchmark;

import io.bikecast.ingest.IngestApi;
import io.bikecast.ingest.IngestApplication;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingest service as every benchmark runs it: on the shared embedded PostgreSQL (a database of its own) and Kafka,
 * on a free port, logging only warnings and bikecast's own lines.
 */
final class BenchmarkService {

    private BenchmarkService() {}

    /** Starts the service, with further settings as {@code --name=value} arguments; the caller closes the context. */
    static ConfigurableApplicationContext start(String... settings) {
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        String database = SharedInfrastructure.createDatabase();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--bikecast.security.api-key.key=" + IngestApi.KEY,
                "--logging.level.root=WARN",
                "--logging.level.io.bikecast=INFO"));
        arguments.addAll(List.of(settings));
        return new SpringApplication(IngestApplication.class).run(arguments.toArray(String[]::new));
    }

    /** A benchmark's work. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Runs a benchmark's main: exits 0 when it is done, 1 with its stack trace when it fails. */
    static void runThenExit(Body body) {
        try {
            body.run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            // The embedded servers keep non-daemon threads: exit rather than hang.
            System.exit(1);
        }
    }

    /** The port the started service listens on. */
    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
