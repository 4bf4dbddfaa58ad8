package io.bikecast.training;

import static org.awaitility.Awaitility.await;

import io.bikecast.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * How long a run of the default forest takes from queued to registered, on the hours before 2012-09-01 (the backtest's
 * bootstrap data): a first run (no champion) and a second on the same data (with the champion comparison). Not run by
 * Surefire (the name does not end in Test); run it with
 * {@code bmvn -B -o -pl training-service verify -Dtest=RunDurationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the table on standard output and the per-phase timings in the log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bikecast.security.api-key.key=" + Api.KEY, "bikecast.training.schedule.cron=-"})
@RealInfrastructure
class RunDurationBenchmark {

    @LocalServerPort
    private int port;

    /** The ingest service's API, which the runs read their data from. */
    private static final FakeIngest INGEST = FakeIngest.start();

    @DynamicPropertySource
    static void readTheFakeIngestService(DynamicPropertyRegistry properties) {
        properties.add("bikecast.training.ingest.base-url", INGEST::baseUrl);
    }

    @Autowired
    private DataSource dataSource;

    @AfterAll
    static void stopTheIngestService() {
        INGEST.close();
    }

    @Test
    void timesTwoRunsOfTheDefaultForest() {
        INGEST.store(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 9, 1));
        Api api = new Api(port);
        StringBuilder table =
                new StringBuilder("| run | queued → registered ms | started → finished ms | decision |\n");
        for (String run : new String[] {"first (no champion)", "second (same data, with champion)"}) {
            String id = api.post("/api/v1/training-runs", "{\"reason\": \"benchmark " + run + "\"}")
                    .json()
                    .path("id")
                    .asString();
            JsonNode finished = await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> api.get("/api/v1/training-runs/" + id).json(),
                            node -> node.path("status").asString().equals("succeeded")
                                    || node.path("status").asString().equals("failed"));
            long queuedToFinished = JdbcClient.create(dataSource)
                    .sql("SELECT (extract(epoch FROM finished_at - requested_at) * 1000)::bigint"
                            + " FROM registry.training_run WHERE id = ?::uuid")
                    .param(id)
                    .query(Long.class)
                    .single();
            table.append("| ")
                    .append(run)
                    .append(" | ")
                    .append(queuedToFinished)
                    .append(" | ")
                    .append(finished.path("durationMs").asLong())
                    .append(" | ")
                    .append(finished.path("decision").path("outcome").asString()
                            + finished.path("error").asString(""))
                    .append(" |\n");
        }
        System.out.println(table);
    }
}
