package io.bikecast.ingest;

import static io.bikecast.ingest.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every way in: the whole UCI file as a body, as a multipart file, by path (plain and zipped) and by URL (plain and
 * zipped, from a local server), JSON batches; re-ingesting without duplicates; the reads; the metrics; the API key.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + IngestApi.KEY,
            // The local test server, as an operator would allow a mirror on the same machine.
            "bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32"
        })
@RealInfrastructure
class IngestSourcesTest {

    static final int UCI_ROWS = 17_379;
    static final Path DATA;
    static final LocalHttpServer SERVER = new LocalHttpServer();

    static {
        try {
            DATA = Files.createTempDirectory("bikecast-ingest-data");
            Files.copy(UciDataset.hourCsv(), DATA.resolve("hour.csv"));
            Files.write(DATA.resolve("uci.zip"), uciZip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("bikecast.ingest.data-directory", DATA::toString);
    }

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
        jdbc.update("DELETE FROM observation");
    }

    @AfterAll
    static void stopServer() throws IOException {
        SERVER.close();
    }

    @Test
    void theWholeUciFileAsABodyThenAgainWithoutDuplicates() {
        IngestApi.Answer first = api.postCsv("", Fixtures.hourCsv());

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode report = first.body();
        assertThat(report.path("rowsRead").asInt()).isEqualTo(UCI_ROWS);
        assertThat(report.path("rowsAccepted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(report.path("rowsInserted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(report.path("rowsRejected").asInt()).isZero();
        assertThat(report.path("firstHour").asString()).isEqualTo("2011-01-01T00:00:00");
        assertThat(report.path("lastHour").asString()).isEqualTo("2012-12-31T23:00:00");
        String version = report.path("datasetVersion").asString();
        assertThat(version).hasSize(64);
        assertThat(first.text()).doesNotContain("\"instant\"");

        IngestApi.Answer again = api.postCsv("", Fixtures.hourCsv());

        assertThat(again.body().path("rowsAccepted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(again.body().path("rowsUnchanged").asInt()).isEqualTo(UCI_ROWS);
        assertThat(again.body().path("rowsInserted").asInt()).isZero();
        assertThat(again.body().path("datasetVersion").asString()).isEqualTo(version);
        assertThat(countObservations()).isEqualTo(UCI_ROWS);

        // The stored rows are exactly the file's, checked on a sample.
        UciDataset.HourRow row = UciDataset.hours().get(12_345);
        JsonNode stored = api.get(
                        "/api/v1/ingest/observations/system/" + row.dteday().atTime(row.hr(), 0))
                .body();
        assertThat(stored.path("cnt").asInt()).isEqualTo(row.cnt());
        assertThat(stored.path("temp").asDouble()).isEqualTo(row.temp());
        assertThat(stored.path("weekday").asInt()).isEqualTo(row.weekday());

        JsonNode datasetVersion =
                api.get("/api/v1/ingest/dataset-versions/" + version).body();
        assertThat(datasetVersion.path("rowCount").asInt()).isEqualTo(UCI_ROWS);
        assertThat(datasetVersion.path("firstHour").asString()).isEqualTo("2011-01-01T00:00:00");
        assertThat(datasetVersion.path("lastHour").asString()).isEqualTo("2012-12-31T23:00:00");
        assertThat(api.get("/api/v1/ingest/dataset-versions").text()).contains(version);
    }

    @Test
    void aChangedHourIsUpdatedInPlaceAndAnnounced() {
        byte[] day = Fixtures.hourCsvWhere(date -> date.equals("2011-01-01"));
        assertThat(api.postCsv("", day).body().path("rowsInserted").asInt()).isEqualTo(24);
        String changed = new String(day)
                .replaceFirst(
                        "\n1,2011-01-01,1,0,1,0,0,6,0,1,0.24,0.2879,0.81,0,3,13,16\n",
                        "\n1,2011-01-01,1,0,1,0,0,6,0,1,0.24,0.2879,0.81,0,4,13,17\n");

        JsonNode report = api.postCsv("", changed.getBytes()).body();

        assertThat(report.path("rowsUpdated").asInt()).isEqualTo(1);
        assertThat(report.path("rowsUnchanged").asInt()).isEqualTo(23);
        assertThat(countObservations()).isEqualTo(24);
        assertThat(api.get("/api/v1/ingest/observations/system/2011-01-01T00:00")
                        .body()
                        .path("cnt")
                        .asInt())
                .isEqualTo(17);
        String batchId = report.path("batchId").asString();
        // Other tests of this class may have left full-file ingests (17,380 events each) in the outbox before this one.
        assertThat(EventCollector.await(
                        Duration.ofSeconds(120),
                        () -> jdbc.queryForObject("SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class)
                                == 0))
                .isTrue();
        try (EventCollector events = new EventCollector(bootstrapServers)) {
            assertThat(EventCollector.await(
                            Duration.ofSeconds(60),
                            () -> events.distinct(ActualObserved.class).stream()
                                    .anyMatch(e -> e.hour().equals(LocalDateTime.parse("2011-01-01T00:00"))
                                            && e.count() == 17)))
                    .isTrue();
            assertThat(EventCollector.await(
                            Duration.ofSeconds(60),
                            () -> events.distinct(ObservationsIngested.class).stream()
                                    .anyMatch(e -> e.batchId().toString().equals(batchId)
                                            && e.rowsAccepted() == 24
                                            && e.rowsUpdated() == 1)))
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBackfillStoresHistoryAndAnnouncesTheBatchButNoActuals() {
        byte[] day = Fixtures.hourCsvWhere(date -> date.equals("2011-02-01"));

        JsonNode report = api.postCsv("?announceActuals=false", day).body();

        assertThat(report.path("rowsInserted").asInt())
                .as("2011-02-01 has 23 hours in the data")
                .isEqualTo(23);
        String batchId = report.path("batchId").asString();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox WHERE payload->>'type' = 'actual-observed'"
                                + " AND payload->>'hour' LIKE '2011-02-01%'",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox WHERE payload->>'type' = 'observations-ingested'"
                                + " AND payload->>'batchId' = ?",
                        Long.class,
                        batchId))
                .isOne();
    }

    @Test
    void aMultipartFile() {
        IngestApi.Answer answer = api.postCsvFile(UciDataset.hourCsv());

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("origin").asString()).isEqualTo("hour.csv");
        assertThat(answer.body().path("rowsAccepted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(countObservations()).isEqualTo(UCI_ROWS);
    }

    @Test
    void byPathInTheDataDirectoryPlainAndZipped() {
        IngestApi.Answer plain = api.postJson("/api/v1/ingest/uci", Map.of("path", "hour.csv"));
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(plain.body().path("source").asString()).isEqualTo("uci");
        assertThat(plain.body().path("rowsInserted").asInt()).isEqualTo(UCI_ROWS);

        jdbc.update("DELETE FROM observation");
        IngestApi.Answer zipped = api.postJson("/api/v1/ingest/uci", Map.of("path", "uci.zip", "mode", "strict"));
        assertThat(zipped.status()).as(zipped.text()).isEqualTo(201);
        assertThat(zipped.body().path("rowsInserted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(countObservations()).isEqualTo(UCI_ROWS);
    }

    @Test
    void byUrlPlainAndTheOfficialZipLayout() {
        String csvUrl = SERVER.serve("/data/hour.csv", Fixtures.hourCsv());
        IngestApi.Answer plain = api.postJson("/api/v1/ingest/uci", Map.of("url", csvUrl));
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(plain.body().path("origin").asString()).isEqualTo(csvUrl);
        assertThat(plain.body().path("rowsInserted").asInt()).isEqualTo(UCI_ROWS);

        jdbc.update("DELETE FROM observation");
        String zipUrl = SERVER.serve("/static/public/275/bike+sharing+dataset.zip", uciZip());
        IngestApi.Answer zipped = api.postJson("/api/v1/ingest/uci", Map.of("url", zipUrl));
        assertThat(zipped.status()).as(zipped.text()).isEqualTo(201);
        assertThat(zipped.body().path("rowsInserted").asInt()).isEqualTo(UCI_ROWS);
        assertThat(countObservations()).isEqualTo(UCI_ROWS);

        IngestApi.Answer missing = api.postJson(
                "/api/v1/ingest/uci",
                Map.of("url", SERVER.serve("/x", new byte[0]).replace("/x", "/nothing-here.csv")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.type()).isEqualTo(IngestApi.problem("url-status"));
    }

    @Test
    void readsByTimeRangeArePagedAndInHourOrder() {
        api.postCsv("", Fixtures.hourCsvWhere(date -> date.startsWith("2011-02")));

        JsonNode first = api.get("/api/v1/ingest/observations?series=system&from=2011-02-01T00:00&to=2011-02-03T00:00"
                        + "&size=30")
                .body();
        assertThat(first.path("items")).hasSize(30);
        assertThat(first.path("hasNext").asBoolean()).isTrue();
        assertThat(first.path("items").get(0).path("hour").asString()).isEqualTo("2011-02-01T00:00:00");
        JsonNode second = api.get(
                        "/api/v1/ingest/observations?from=2011-02-01T00:00&to=2011-02-03T00:00&size=30" + "&page=1")
                .body();
        int total = 0;
        for (int page = 0; ; page++) {
            JsonNode p = api.get("/api/v1/ingest/observations?from=2011-02-01T00:00&to=2011-02-03T00:00&size=30&page="
                            + page)
                    .body();
            total += p.path("items").size();
            if (!p.path("hasNext").asBoolean()) {
                break;
            }
        }
        long stored = jdbc.queryForObject(
                "SELECT count(*) FROM observation WHERE hour >= '2011-02-01' AND hour < '2011-02-03'", Long.class);
        assertThat(total).isEqualTo((int) stored);
        assertThat(second.path("items").get(0).path("hour").asString())
                .isGreaterThan(first.path("items").get(29).path("hour").asString());
        assertThat(api.get("/api/v1/ingest/observations/system/2030-01-01T00:00")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ingest/observations?from=2011-02-03T00:00&to=2011-02-01T00:00")
                        .status())
                .isEqualTo(400);
        JsonNode series = api.get("/api/v1/ingest/series").body();
        assertThat(series.get(0).path("seriesId").asString()).isEqualTo("system");
    }

    @Test
    void exposesRowsBatchDurationAndFreshnessMetrics() {
        String before = api.get("/actuator/prometheus").text();
        api.postCsv("", fixture("rule-cnt-sum.csv"));
        api.postJson(
                "/api/v1/ingest/observations",
                Map.of("observations", List.of(ContractRulesTest.observation("2012-06-05T08:00", 8, 2))));

        String after = api.get("/actuator/prometheus").text();

        assertThat(metric(after, "bikecast_ingest_rows_total", "source=\"csv\"", "outcome=\"accepted\"")
                        - metric(before, "bikecast_ingest_rows_total", "source=\"csv\"", "outcome=\"accepted\""))
                .isEqualTo(2);
        assertThat(metric(after, "bikecast_ingest_rows_total", "source=\"csv\"", "outcome=\"rejected\"")
                        - metric(before, "bikecast_ingest_rows_total", "source=\"csv\"", "outcome=\"rejected\""))
                .isEqualTo(1);
        assertThat(metric(after, "bikecast_ingest_rows_total", "source=\"observations\"", "outcome=\"accepted\"")
                        - metric(
                                before,
                                "bikecast_ingest_rows_total",
                                "source=\"observations\"",
                                "outcome=\"accepted\""))
                .isEqualTo(1);
        assertThat(metric(after, "bikecast_ingest_batch_duration_seconds_count", "source=\"csv\"")
                        - metric(before, "bikecast_ingest_batch_duration_seconds_count", "source=\"csv\""))
                .isEqualTo(1);
        double freshness = metric(after, "bikecast_ingest_last_success_timestamp_seconds", "series=\"system\"");
        assertThat(freshness).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
        assertThat(after).contains("bikecast_outbox_pending");
    }

    /** The sum of a Prometheus metric over the series whose labels contain every given label. */
    static double metric(String exposition, String name, String... labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
            if (java.util.Arrays.stream(labels).allMatch(labelPart::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void mutatingWithoutTheRightKeyIsRefusedAndChangesNothing() {
        long batches = countBatches();
        byte[] csv = fixture("optional-columns.csv");

        IngestApi.Answer missing = api.postCsv("", csv, "text/csv", null);
        IngestApi.Answer wrong = api.postCsv("", csv, "text/csv", "not-the-key");
        IngestApi.Answer json = api.postJson("/api/v1/ingest/uci", "{\"path\":\"hour.csv\"}", null);
        IngestApi.Answer replay =
                api.postJson("/api/v1/replays", "{\"from\":\"2011-01-01T00:00\",\"to\":\"2011-01-02T00:00\"}", "x");

        for (IngestApi.Answer answer : List.of(missing, wrong, json, replay)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text()).doesNotContain(IngestApi.KEY);
        }
        assertThat(countObservations()).isZero();
        assertThat(countBatches()).isEqualTo(batches);
        assertThat(api.get("/api/v1/ingest/batches").status()).isEqualTo(200);
    }

    static byte[] uciZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Readme.txt", "Bike sharing data set".getBytes());
        entries.put("day.csv", "instant,dteday\n1,2011-01-01\n".getBytes());
        entries.put("hour.csv", Fixtures.hourCsv());
        return Zips.of(entries);
    }

    private long countObservations() {
        return jdbc.queryForObject("SELECT count(*) FROM observation", Long.class);
    }

    private long countBatches() {
        return jdbc.queryForObject("SELECT count(*) FROM batch", Long.class);
    }
}
