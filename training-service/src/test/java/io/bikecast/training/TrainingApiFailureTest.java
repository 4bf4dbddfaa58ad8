package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.SharedInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the training service's API fails, as a client sees it: PostgreSQL refusing connections is an outage (503 {@code
 * unavailable}, no internals, and the registry answers again once it is back), and a body over the request limit is
 * refused before it is read whole (413 {@code payload-too-large}), queueing nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + Api.KEY,
            // Wait 1 s for a connection rather than Hikari's 30 s: the outage is the test's own.
            "spring.datasource.hikari.connection-timeout=1000",
            "bikecast.training.worker-poll-interval=1h"
        })
@RealInfrastructure
class TrainingApiFailureTest {

    @LocalServerPort
    private int port;

    @Value("${bikecast.test.database}")
    private String database;

    @AfterEach
    void databaseBack() {
        SharedInfrastructure.acceptConnections(database);
    }

    @Test
    void withTheDatabaseDownTheRegistryAnswers503WithoutInternalsAndAnswersAgainOnceItIsBack() {
        Api api = new Api(port);

        SharedInfrastructure.refuseConnections(database);
        Api.Response refused = api.get("/api/v1/models");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://bikecast.io/problems/unavailable");
        assertThat(refused.body()).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("hikari");
        assertThat(api.getBytes("/api/v1/models").header("Retry-After")).isEqualTo("5");

        SharedInfrastructure.acceptConnections(database);
        // As a client told 503 does: ask again until the service has its database back (its pool may still hand out a
        // connection the outage closed, which answers 503 once more).
        Api.Response back = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/models"), response -> response.status() != 503);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().path("total").asLong()).isZero();
    }

    @Test
    void aRequestBodyOverTheLimitIs413AndQueuesNothing() {
        Api api = new Api(port);
        String reason = "x".repeat(2 * 1024 * 1024);

        Api.Response refused = api.post("/api/v1/training-runs", "{\"reason\": \"" + reason + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://bikecast.io/problems/payload-too-large");
        assertThat(api.get("/api/v1/training-runs").json().path("total").asLong())
                .isZero();
    }
}
