package io.bikecast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, point 1: PostgreSQL refusing connections while a batch arrives is an outage, not a bug: the client gets
 * 503 {@code unavailable} and no internals, nothing is half-stored, and the same batch sent
 * again once the database is back is stored whole.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + IngestApi.KEY,
            // Wait 1 s for a connection rather than Hikari's 30 s: the outage is the test's own.
            "spring.datasource.hikari.connection-timeout=1000"
        })
@RealInfrastructure
class DatabaseOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${bikecast.test.database}")
    String database;

    @AfterEach
    void databaseBack() {
        SharedInfrastructure.acceptConnections(database);
    }

    @Test
    void aBatchSentWhileTheDatabaseIsDownGets503AndIsStoredWhenSentAgain() {
        IngestApi api = new IngestApi(port);
        Map<String, Object> batch = Map.of(
                "observations",
                List.of(
                        ContractRulesTest.observation("2012-06-05T08:00", 8, 2),
                        ContractRulesTest.observation("2012-06-05T09:00", 9, 2)));

        SharedInfrastructure.refuseConnections(database);
        IngestApi.Answer refused = api.postJson("/api/v1/ingest/observations", batch);

        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.type()).isEqualTo(IngestApi.problem("unavailable"));
        assertThat(refused.text()).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("hikari");

        SharedInfrastructure.acceptConnections(database);
        // As a client told 503 does: send the same batch again until the service has its database back (its pool may
        // still hand out a connection the outage closed, which answers 503 once more).
        IngestApi.Answer stored = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.postJson("/api/v1/ingest/observations", batch), answer -> answer.status() != 503);

        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM observation", Long.class))
                .isEqualTo(2L);
    }
}
