package io.bikecast.ingest;

import static io.bikecast.ingest.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.RealInfrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every rule of the data contract, each with a fixture of two good rows around one bad one: lenient mode stores the two
 * and reports the bad one with its line, column, value and reason; strict mode stores nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bikecast.security.api-key.key=" + IngestApi.KEY)
@RealInfrastructure
class ContractRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IngestApi api;

    @BeforeEach
    void setUp() {
        api = new IngestApi(port);
        jdbc.update("DELETE FROM observation");
    }

    @ParameterizedTest(name = "{0}: line {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rule-not-a-number      | 3 | temp       | warm       | not a number
            rule-season-range      | 3 | season     | 5          | 1 to 4
            rule-yr-range          | 3 | yr         | 2          | 0 to 1
            rule-mnth-range        | 3 | mnth       | 13         | 1 to 12
            rule-hr-range          | 3 | hr         | 24         | 0 to 23
            rule-holiday-range     | 3 | holiday    | 2          | 0 to 1
            rule-weekday-range     | 3 | weekday    | 7          | 0 to 6
            rule-workingday-range  | 3 | workingday | 2          | 0 to 1
            rule-weathersit-range  | 3 | weathersit | 5          | 1 to 4
            rule-temp-range        | 3 | temp       | 1.5        | 1
            rule-atemp-range       | 3 | atemp      | -0.1       | 0
            rule-hum-range         | 3 | hum        | 1.01       | 1
            rule-windspeed-range   | 3 | windspeed  | 2.0        | 1
            rule-negative-count    | 3 | casual     | -1         | 0 or more
            rule-cnt-sum           | 3 | cnt        | 101        | casual + registered
            rule-yr-date           | 3 | yr         | 0          | does not agree with 2012-06-05, which gives 1
            rule-mnth-date         | 3 | mnth       | 7          | does not agree with 2012-06-05, which gives 6
            rule-weekday-date      | 3 | weekday    | 3          | does not agree with 2012-06-05, which gives 2
            rule-season-date       | 3 | season     | 3          | does not agree with 2012-06-05, which gives 2
            rule-missing-value     | 3 | temp       |            | missing value
            rule-duplicate-hour    | 3 | hour       | 2012-06-05T00:00 | already has this hour at line 2
            rule-nonexistent-hour  | 3 | hr         | 2          | does not exist on 2012-03-11
            rule-invalid-date      | 3 | dteday     | 2012-02-30 | not a date
            rule-extra-value       | 3 | row        | 18         | 17 columns
            """)
    void lenientStoresTheGoodRowsAndReportsTheBadOne(
            String fixture, long line, String column, String value, String reason) {
        IngestApi.Answer answer = api.postCsv("", fixture(fixture + ".csv"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("status").asString()).isEqualTo("COMMITTED");
        assertThat(answer.body().path("rowsRead").asInt()).isEqualTo(3);
        assertThat(answer.body().path("rowsAccepted").asInt()).isEqualTo(2);
        assertThat(answer.body().path("rowsRejected").asInt()).isEqualTo(1);
        JsonNode rejection = answer.body().path("rejections").path("items").get(0);
        assertThat(rejection.path("line").asLong()).isEqualTo(line);
        assertThat(rejection.path("column").asString()).isEqualTo(column);
        if (value == null) {
            assertThat(rejection.path("value").isNull()).isTrue();
        } else {
            assertThat(rejection.path("value").asString()).isEqualTo(value);
        }
        assertThat(rejection.path("reason").asString()).contains(reason);
        assertThat(storedHours()).containsExactly("2012-06-05 00:00:00", "2012-06-05 03:00:00");

        // The full list is stored and readable by batch id.
        JsonNode stored = api.get("/api/v1/ingest/batches/"
                        + answer.body().path("batchId").asString())
                .body();
        assertThat(stored.path("rejections").path("total").asLong()).isEqualTo(1);
        assertThat(stored.path("rejections").path("items").get(0)).isEqualTo(rejection);
    }

    @ParameterizedTest
    @CsvSource({"rule-cnt-sum", "rule-duplicate-hour", "rule-nonexistent-hour", "rule-extra-value"})
    void strictRejectsTheWholeBatchAndStoresNothing(String fixture) {
        IngestApi.Answer answer = api.postCsv("?mode=strict", fixture(fixture + ".csv"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("strict-rejected"));
        assertThat(answer.body().path("rowsRejected").asInt()).isEqualTo(1);
        assertThat(answer.body()
                        .path("rejections")
                        .path("items")
                        .get(0)
                        .path("line")
                        .asLong())
                .isEqualTo(3);
        assertThat(storedHours()).isEmpty();
        JsonNode batch = api.get("/api/v1/ingest/batches/"
                        + answer.body().path("batchId").asString())
                .body();
        assertThat(batch.path("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.path("rowsAccepted").asInt()).isZero();
        assertThat(batch.path("rejections").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void strictStoresAFileWithoutBadRows() {
        IngestApi.Answer answer = api.postCsv("?mode=strict", fixture("optional-columns.csv"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("mode").asString()).isEqualTo("strict");
        assertThat(answer.body().path("ignoredColumns").get(0).asString()).isEqualTo("station_note");
        assertThat(storedHours()).containsExactly("2012-06-05 05:00:00");
        assertThat(jdbc.queryForObject("SELECT casual IS NULL AND registered IS NULL FROM observation", Boolean.class))
                .isTrue();
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedWhole() {
        IngestApi.Answer answer = api.postCsv("", fixture("missing-column.csv"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.type()).isEqualTo(IngestApi.problem("not-csv"));
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("cnt");
        assertThat(storedHours()).isEmpty();
    }

    @Test
    void aRowWithSeveralFaultsReportsEachOfThem() {
        String csv = "dteday,season,yr,mnth,hr,holiday,weekday,workingday,weathersit,temp,atemp,hum,windspeed,cnt\n"
                + "2012-06-05,9,1,6,1,0,2,1,1,7,0.5,0.5,0.1,-3\n";
        IngestApi.Answer answer = api.postCsv("", csv.getBytes());

        List<String> columns = new ArrayList<>();
        answer.body()
                .path("rejections")
                .path("items")
                .forEach(r -> columns.add(r.path("column").asString()));
        assertThat(columns).containsExactlyInAnyOrder("season", "temp", "cnt");
        assertThat(answer.body().path("rowsRejected").asInt()).isEqualTo(1);
    }

    @Test
    void jsonBatchesFollowTheSameContract() {
        Map<String, Object> good = observation("2012-06-05T08:00", 8, 2);
        Map<String, Object> outOfRange = observation("2012-06-05T09:00", 9, 2);
        outOfRange.put("hum", 1.5);
        Map<String, Object> disagreeing = observation("2012-06-05T10:00", 11, 2);
        Map<String, Object> missing = observation("2012-06-05T11:00", 11, 2);
        missing.remove("weathersit");
        Map<String, Object> noHour = observation("2012-06-05T12:00", 12, 2);
        noHour.remove("hour");

        IngestApi.Answer answer = api.postJson(
                "/api/v1/ingest/observations",
                Map.of("observations", List.of(good, outOfRange, disagreeing, missing, noHour)));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("rowsAccepted").asInt()).isEqualTo(1);
        assertThat(answer.body().path("rowsRejected").asInt()).isEqualTo(4);
        List<String> found = new ArrayList<>();
        answer.body()
                .path("rejections")
                .path("items")
                .forEach(r -> found.add(
                        r.path("line").asInt() + ":" + r.path("column").asString()));
        assertThat(found).containsExactly("2:hum", "3:hr", "4:weathersit", "5:hour");
        assertThat(storedHours()).containsExactly("2012-06-05 08:00:00");

        IngestApi.Answer strict = api.postJson(
                "/api/v1/ingest/observations",
                Map.of("mode", "strict", "observations", List.of(observation("2012-06-05T13:00", 13, 2), outOfRange)));
        assertThat(strict.status()).isEqualTo(422);
        assertThat(storedHours()).containsExactly("2012-06-05 08:00:00");
    }

    /** Issue 15, point 1: an hour far outside the data is the row's problem, named with its line, never a 500. */
    @Test
    void hoursOutsideThePlausibleYearsAreRejectedRowByRow() {
        List<Map<String, Object>> implausible = List.of(
                observation("+999999999-06-05T08:00", 8, 2),
                observation("1969-12-31T23:00", 23, 3),
                observation("2101-01-01T00:00", 0, 6),
                observation("-999999999-01-01T00:00", 0, 1));

        IngestApi.Answer answer = api.postJson("/api/v1/ingest/observations", Map.of("observations", implausible));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("rowsAccepted").asInt()).isZero();
        assertThat(answer.body().path("rowsRejected").asInt()).isEqualTo(4);
        List<String> found = new ArrayList<>();
        answer.body()
                .path("rejections")
                .path("items")
                .forEach(r -> found.add(r.path("line").asInt() + ":"
                        + r.path("column").asString() + ":" + r.path("reason").asString()));
        String reason = "must be in the years 1970 to 2100 (bikecast.ingest.plausible-years)";
        assertThat(found)
                .containsExactly("1:hour:" + reason, "2:hour:" + reason, "3:hour:" + reason, "4:hour:" + reason);
    }

    @Test
    void jsonWithUnknownFieldsOrWrongTypesIsRefused() {
        Map<String, Object> unknown = observation("2012-06-05T08:00", 8, 2);
        unknown.put("temperature", 21);
        assertThat(api.postJson("/api/v1/ingest/observations", Map.of("observations", List.of(unknown)))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson(
                                "/api/v1/ingest/observations",
                                "{\"observations\":[{\"hour\":\"2012-06-05T08:00\",\"hr\":\"eight\"}]}",
                                IngestApi.KEY)
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/ingest/observations", Map.of("observations", List.of()))
                        .type())
                .isEqualTo(IngestApi.problem("no-rows"));
        assertThat(api.postCsv("?mode=careful", fixture("optional-columns.csv")).status())
                .isEqualTo(400);
        assertThat(storedHours()).isEmpty();
    }

    static Map<String, Object> observation(String hour, int hr, int weekday) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("seriesId", "system");
        o.put("hour", hour);
        o.put("season", 2);
        o.put("yr", 1);
        o.put("mnth", 6);
        o.put("hr", hr);
        o.put("holiday", 0);
        o.put("weekday", weekday);
        o.put("workingday", 1);
        o.put("weathersit", 1);
        o.put("temp", 0.66);
        o.put("atemp", 0.62);
        o.put("hum", 0.54);
        o.put("windspeed", 0.16);
        o.put("casual", 10);
        o.put("registered", 90);
        o.put("cnt", 100);
        return o;
    }

    private List<String> storedHours() {
        return jdbc.queryForList(
                "SELECT to_char(hour, 'YYYY-MM-DD HH24:MI:SS') FROM observation ORDER BY hour", String.class);
    }
}
