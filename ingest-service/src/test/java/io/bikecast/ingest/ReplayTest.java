package io.bikecast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Replays: stored hours published as actuals, in order, at the pace asked for; status; stop. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bikecast.security.api-key.key=" + IngestApi.KEY)
@RealInfrastructure
class ReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    IngestApi api;

    @BeforeEach
    void setUp() {
        api = new IngestApi(port);
        if (jdbc.queryForObject("SELECT count(*) FROM observation", Long.class) == 0) {
            IngestApi.Answer ingest = api.postCsv("", Fixtures.hourCsvWhere(date -> date.startsWith("2011-01-0")));
            assertThat(ingest.status()).as(ingest.text()).isEqualTo(201);
        }
    }

    @Test
    void replaysEveryStoredHourOfTheRangeInOrderAtThePace() throws Exception {
        long stored = jdbc.queryForObject(
                "SELECT count(*) FROM observation WHERE hour >= '2011-01-02' AND hour < '2011-01-04'", Long.class);
        try (EventCollector events = new EventCollector(bootstrapServers)) {
            long start = System.nanoTime();
            java.time.Instant since = java.time.Instant.now();
            IngestApi.Answer started = api.postJson(
                    "/api/v1/replays",
                    Map.of(
                            "seriesId",
                            "system",
                            "from",
                            "2011-01-02T00:00",
                            "to",
                            "2011-01-04T00:00",
                            "paceMillis",
                            20));
            assertThat(started.status()).as(started.text()).isEqualTo(201);
            String id = started.body().path("id").asString();
            assertThat(started.body().path("hoursTotal").asLong()).isEqualTo(stored);

            assertThat(EventCollector.await(
                            Duration.ofSeconds(30),
                            () -> "COMPLETED"
                                    .equals(api.get("/api/v1/replays/" + id)
                                            .body()
                                            .path("state")
                                            .asString())))
                    .isTrue();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            JsonNode status = api.get("/api/v1/replays/" + id).body();
            assertThat(status.path("hoursPublished").asLong()).isEqualTo(stored);
            assertThat(status.path("lastHour").asString()).isEqualTo("2011-01-03T23:00:00");
            assertThat(elapsedMillis).as("paced at 20 ms per hour").isGreaterThanOrEqualTo((stored - 1) * 20);

            assertThat(EventCollector.await(
                            Duration.ofSeconds(30),
                            () -> replayed(events, since).size() == stored))
                    .isTrue();
            List<ActualObserved> replayed = replayed(events, since);
            assertThat(replayed)
                    .extracting(ActualObserved::hour)
                    .isSortedAccordingTo(Comparator.naturalOrder())
                    .doesNotHaveDuplicates()
                    .allMatch(hour -> !hour.isBefore(LocalDateTime.parse("2011-01-02T00:00"))
                            && hour.isBefore(LocalDateTime.parse("2011-01-04T00:00")));
            ActualObserved first = replayed.getFirst();
            assertThat(first.count())
                    .isEqualTo(api.get("/api/v1/ingest/observations/system/" + first.hour())
                            .body()
                            .path("cnt")
                            .asInt());
        }
    }

    @Test
    void aReplayStopsWhenAsked() {
        IngestApi.Answer started = api.postJson(
                "/api/v1/replays", Map.of("from", "2011-01-01T00:00", "to", "2011-01-10T00:00", "paceMillis", 100));
        String id = started.body().path("id").asString();

        IngestApi.Answer stopped = api.delete("/api/v1/replays/" + id, IngestApi.KEY);
        assertThat(stopped.status()).isEqualTo(200);

        assertThat(EventCollector.await(
                        Duration.ofSeconds(10),
                        () -> "STOPPED"
                                .equals(api.get("/api/v1/replays/" + id)
                                        .body()
                                        .path("state")
                                        .asString())))
                .isTrue();
        JsonNode status = api.get("/api/v1/replays/" + id).body();
        assertThat(status.path("hoursPublished").asLong())
                .isLessThan(status.path("hoursTotal").asLong());
        assertThat(api.get("/api/v1/replays").text()).contains(id);
        assertThat(api.postJson("/api/v1/replays/" + id + "/stop", "{}", IngestApi.KEY)
                        .status())
                .isEqualTo(200);
    }

    /** At most {@code replay.max-running} (4) replays run at once; another is refused until one stops. */
    @Test
    void refusesAReplayBeyondTheMostRunningAtOnce() {
        Map<String, Object> slow =
                Map.of("from", "2011-01-01T00:00", "to", "2011-01-08T00:00", "paceMillis", 3_600_000);
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            IngestApi.Answer started = api.postJson("/api/v1/replays", slow);
            assertThat(started.status()).as(started.text()).isEqualTo(201);
            running.add(started.body().path("id").asString());
        }

        IngestApi.Answer refused = api.postJson("/api/v1/replays", slow);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.type()).isEqualTo(IngestApi.problem("too-many-replays"));
        assertThat(refused.body().path("detail").asString()).contains("bikecast.ingest.replay.max-running");
        for (String id : running) {
            api.delete("/api/v1/replays/" + id, IngestApi.KEY);
        }
        assertThat(EventCollector.await(
                        Duration.ofSeconds(10),
                        () -> running.stream()
                                .allMatch(id -> "STOPPED"
                                        .equals(api.get("/api/v1/replays/" + id)
                                                .body()
                                                .path("state")
                                                .asString()))))
                .isTrue();
    }

    @Test
    void refusesAnInvalidReplayAndAnUnknownOne() {
        IngestApi.Answer backwards = api.postJson(
                "/api/v1/replays", Map.of("from", "2011-01-05T00:00", "to", "2011-01-01T00:00", "paceMillis", -1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("paceMillis").contains("to");
        assertThat(api.get("/api/v1/replays/00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
    }

    private static List<ActualObserved> replayed(EventCollector events, java.time.Instant since) {
        return events.distinct(ActualObserved.class).stream()
                .filter(e -> "replay".equals(e.source()) && !e.occurredAt().isBefore(since))
                .sorted(Comparator.comparing(ActualObserved::occurredAt))
                .toList();
    }
}
