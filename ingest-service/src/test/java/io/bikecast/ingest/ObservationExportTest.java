package io.bikecast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/ingest/observations/export}, the bulk read the training service learns from, on real PostgreSQL:
 * the whole of {@code hour.csv} comes back exactly as stored, oldest first, across keyset pages; the bounds are {@code
 * from} inclusive and {@code to} exclusive; bad parameters are problems naming the parameter. The rows go to a series
 * of their own, so what other test classes of the same context store cannot change what is exported.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bikecast.security.api-key.key=" + IngestApi.KEY)
@RealInfrastructure
class ObservationExportTest {

    private static final String SERIES = "export-test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IngestApi api;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void storeTheWholeUciFileAsASeriesOfItsOwn() {
        api = new IngestApi(port);
        if (stored() == 0) {
            IngestApi.Answer ingest = api.postCsv("?series=" + SERIES + "&announceActuals=false", Fixtures.hourCsv());
            assertThat(ingest.status()).as(ingest.text()).isEqualTo(201);
        }
        assertThat(stored()).isEqualTo(UciDataset.hours().size());
    }

    @Test
    void exportsEveryStoredRowExactlyOldestFirstAcrossPages() throws Exception {
        HttpResponse<String> response = get("/api/v1/ingest/observations/export?series=" + SERIES);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        ExportDocument document = ExportDocument.read(response.body());
        assertThat(document.seriesId()).isEqualTo(SERIES);
        assertThat(document.from()).isNull();
        assertThat(document.to()).isNull();
        assertThat(document.columns()).isEqualTo(ExportDocument.COLUMNS);
        // 17,379 rows: three full keyset pages of 5,000 and a partial one.
        List<ExportDocument.Row> expected = expected(row -> true);
        assertThat(expected).hasSize(17_379);
        assertThat(document.rows()).containsExactlyElementsOf(expected);
        assertThat(document.count()).isEqualTo(17_379);
        // What the table holds, in its order, is what was exported.
        List<LocalDateTime> storedHours = jdbc.queryForList(
                "SELECT hour FROM observation WHERE series_id = ? ORDER BY hour", LocalDateTime.class, SERIES);
        assertThat(document.rows().stream().map(ExportDocument.Row::hour).toList())
                .isEqualTo(storedHours);
    }

    @Test
    void respectsFromInclusiveAndToExclusiveEachOptional() throws Exception {
        LocalDateTime from = LocalDateTime.of(2011, 3, 10, 5, 0);
        LocalDateTime to = LocalDateTime.of(2011, 3, 12, 17, 0);
        List<ExportDocument.Row> between = expected(hour -> !hour.isBefore(from) && hour.isBefore(to));
        assertThat(between.getFirst().hour()).as("a stored hour at from").isEqualTo(from);
        assertThat(stored(to)).as("a stored hour at to").isTrue();

        ExportDocument both = export("&from=2011-03-10T05:00&to=2011-03-12T17:00");
        assertThat(both.from()).isEqualTo("2011-03-10T05:00:00");
        assertThat(both.to()).isEqualTo("2011-03-12T17:00:00");
        assertThat(both.rows()).containsExactlyElementsOf(between);
        assertThat(both.count()).isEqualTo(between.size());

        assertThat(export("&from=2012-12-30T12:00:00").rows())
                .containsExactlyElementsOf(expected(hour -> !hour.isBefore(LocalDateTime.of(2012, 12, 30, 12, 0))));
        assertThat(export("&to=2011-01-02T03:00").rows())
                .containsExactlyElementsOf(expected(hour -> hour.isBefore(LocalDateTime.of(2011, 1, 2, 3, 0))));

        // Exactly one full keyset page: the empty page after it ends the document.
        List<ExportDocument.Row> all = expected(row -> true);
        LocalDateTime fifthThousand = all.get(5000).hour();
        List<ExportDocument.Row> firstPage = export("&to=" + fifthThousand).rows();
        assertThat(firstPage).hasSize(5000).containsExactlyElementsOf(all.subList(0, 5000));

        // A range with no stored hours, and a series with none at all, give a complete document without rows.
        ExportDocument none = export("&from=2030-01-01T00:00");
        assertThat(none.rows()).isEmpty();
        assertThat(none.count()).isZero();
        ExportDocument unknown = ExportDocument.read(
                get("/api/v1/ingest/observations/export?series=no-such-series").body());
        assertThat(unknown.rows()).isEmpty();
        assertThat(unknown.count()).isZero();
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem("&from=yesterday", "from");
        assertProblem("&to=2011-13-01T00:00", "to");
        assertProblem("&from=2011-01-01T00:00%2B01:00", "from");
        assertProblem("&from=2011-02-01T00:00&to=2011-02-01T00:00", "to");
        assertProblem("&from=2011-02-02T00:00&to=2011-02-01T00:00", "to");
        IngestApi.Answer badSeries = api.get("/api/v1/ingest/observations/export?series=Not%20A%20Series");
        assertThat(badSeries.status()).isEqualTo(400);
        assertThat(badSeries.body().path("errors").get(0).path("field").asString())
                .isEqualTo("series");
    }

    @Test
    void theSeriesRangeCanBeAskedForOneSeries() {
        JsonNode one = api.get("/api/v1/ingest/series?series=" + SERIES).body();
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("seriesId").asString()).isEqualTo(SERIES);
        assertThat(one.get(0).path("firstHour").asString()).isEqualTo("2011-01-01T00:00:00");
        assertThat(one.get(0).path("lastHour").asString()).isEqualTo("2012-12-31T23:00:00");
        assertThat(one.get(0).path("hours").asLong()).isEqualTo(17_379);
        assertThat(api.get("/api/v1/ingest/series?series=no-such-series").body())
                .isEmpty();
        assertThat(api.get("/api/v1/ingest/series").body())
                .anySatisfy(
                        series -> assertThat(series.path("seriesId").asString()).isEqualTo(SERIES));
        assertThat(api.get("/api/v1/ingest/series?series=Not%20A%20Series").status())
                .isEqualTo(400);
    }

    @Test
    void theSeriesRangesCanBeAskedForByPrefix() {
        String prefix = SERIES.substring(0, SERIES.length() - 1);
        assertThat(api.get("/api/v1/ingest/series?prefix=" + prefix).body())
                .extracting(series -> series.path("seriesId").asString())
                .contains(SERIES)
                .allSatisfy(id -> assertThat(id).startsWith(prefix));
        assertThat(api.get("/api/v1/ingest/series?prefix=" + SERIES + "-no-such")
                        .body())
                .isEmpty();
        assertThat(api.get("/api/v1/ingest/series?prefix=No%20Prefix")
                        .body()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("prefix");
        assertThat(api.get("/api/v1/ingest/series?series=" + SERIES + "&prefix=" + prefix)
                        .status())
                .isEqualTo(400);
    }

    private void assertProblem(String query, String field) {
        IngestApi.Answer answer = api.get("/api/v1/ingest/observations/export?series=" + SERIES + query);
        assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(400);
        assertThat(answer.body().path("errors").get(0).path("field").asString())
                .as(answer.text())
                .isEqualTo(field);
    }

    private ExportDocument export(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/ingest/observations/export?series=" + SERIES + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ExportDocument.read(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The UCI rows of the hours that pass the filter, as they must be exported. */
    private static List<ExportDocument.Row> expected(Predicate<LocalDateTime> hours) {
        return UciDataset.hours().stream()
                .filter(row -> hours.test(hourOf(row)))
                .map(row -> new ExportDocument.Row(
                        hourOf(row),
                        row.season(),
                        row.yr(),
                        row.mnth(),
                        row.hr(),
                        row.holiday(),
                        row.weekday(),
                        row.workingday(),
                        row.weathersit(),
                        row.temp(),
                        row.atemp(),
                        row.hum(),
                        row.windspeed(),
                        row.cnt()))
                .toList();
    }

    private static LocalDateTime hourOf(UciDataset.HourRow row) {
        return row.dteday().atTime(row.hr(), 0);
    }

    private long stored() {
        return jdbc.queryForObject("SELECT count(*) FROM observation WHERE series_id = ?", Long.class, SERIES);
    }

    private boolean stored(LocalDateTime hour) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM observation WHERE series_id = ? AND hour = ?", Long.class, SERIES, hour)
                == 1;
    }
}
