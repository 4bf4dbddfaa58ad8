package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.UciDataset;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests on the real stack (Tomcat, Jackson, Bean Validation, the advices): every offending field of a request
 * is named in one 400 {@code invalid-request} problem, and no value, however extreme, and no JSON of the wrong shape
 * gets a 500.
 */
@PredictionServiceTest(properties = "bikecast.prediction.max-batch-rows=50")
class InvalidRequestTest {

    private static final String INVALID_REQUEST = "https://bikecast.io/problems/invalid-request";
    private static final UciDataset.HourRow ROW = TestModels.row(4_000);

    @LocalServerPort
    private int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aUciRequestWithSeveralBadFieldsGetsOneProblemNamingEachOfThem() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("hr", 24);
        body.put("temp", 1.5);
        body.put("weekday", 2.5);
        body.remove("hum");
        body.put("seriesId", "Not A Series");
        body.put("clientKey", "k".repeat(201));

        Http.Response response = http.post("/api/v1/predict", body);

        JsonNode problem = invalid(response);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/predict");
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(fields(problem)).containsExactly("clientKey", "hr", "hum", "seriesId", "temp", "weekday");
        JsonNode hr = error(problem, "hr");
        assertThat(hr.path("reason").asString()).isEqualTo("must be a whole number from 0 to 23 but was 24");
        assertThat(hr.path("rejectedValue").asDouble()).isEqualTo(24);
        assertThat(error(problem, "hum").path("reason").asString()).startsWith("missing: the UCI form needs all of");
        assertThat(error(problem, "weekday").path("rejectedValue").asDouble()).isEqualTo(2.5);
        assertThat(problem.has("cause")).isFalse();
    }

    @Test
    void aNaturalRequestWithEveryFieldBadNamesEachInItsOwnUnit() {
        Map<String, Object> body = Payloads.natural(ROW);
        body.put("timestamp", "yesterday at five");
        body.put("temperatureCelsius", 45.0);
        body.put("feelsLikeCelsius", -40.0);
        body.put("humidityPercent", 120.0);
        body.put("windSpeedKmh", -3.0);
        body.put("weatherSituation", 7);

        JsonNode problem = invalid(http.post("/predict", body));

        assertThat(fields(problem))
                .containsExactly(
                        "feelsLikeCelsius",
                        "humidityPercent",
                        "temperatureCelsius",
                        "timestamp",
                        "weatherSituation",
                        "windSpeedKmh");
        assertThat(error(problem, "temperatureCelsius").path("reason").asString())
                .isEqualTo("must be between -9.0 and 41.0 °C (the range the model was trained on) but was 45.0");
        assertThat(error(problem, "humidityPercent").path("reason").asString()).contains("0.0 and 100.0 %");
        assertThat(error(problem, "windSpeedKmh").path("reason").asString()).contains("0.0 and 67.0 km/h");
    }

    @Test
    void fieldsOfBothFormsAreEachNamed() {
        Map<String, Object> body = Payloads.natural(ROW);
        body.put("hr", 3);
        body.put("temp", 0.5);
        body.put("hour", "2012-07-04T17:00");

        JsonNode problem = invalid(http.post("/api/v1/predict", body));

        assertThat(fields(problem)).containsExactly("hour", "hr", "temp");
        assertThat(error(problem, "temp").path("reason").asString()).startsWith("belongs to the UCI form");
        assertThat(error(problem, "hr").path("rejectedValue").asInt()).isEqualTo(3);

        List<Object> rows = List.of(Payloads.uci(ROW), body);
        assertThat(fields(invalid(http.post("/api/v1/predict/batch", Map.of("rows", rows)))))
                .containsExactly("rows[1].hour", "rows[1].hr", "rows[1].temp");
    }

    @Test
    void aBatchNamesEveryBadFieldOfEveryRowAndCountsTheRows() {
        Map<String, Object> natural = Payloads.natural(TestModels.row(1));
        natural.put("humidityPercent", 101.0);
        natural.put("weatherSituation", 0);
        Map<String, Object> uci = Payloads.uci(TestModels.row(3));
        uci.put("mnth", 13);
        uci.put(
                "hour",
                TestModels.row(3)
                        .dteday()
                        .atTime((TestModels.row(3).hr() + 1) % 24, 0)
                        .toString());
        List<Object> rows = new ArrayList<>(List.of(Payloads.uci(TestModels.row(0)), natural));
        rows.add(null);
        rows.add(uci);

        JsonNode problem = invalid(http.post("/api/v1/predict/batch", Map.of("rows", rows)));

        assertThat(fields(problem))
                .containsExactly(
                        "rows[1].humidityPercent",
                        "rows[1].weatherSituation",
                        "rows[2]",
                        "rows[3].hour",
                        "rows[3].mnth");
        assertThat(problem.path("detail").asString()).isEqualTo("3 of 4 rows are invalid; nothing was predicted.");
    }

    @Test
    void aQuickQueryNamesEveryBadParameter() {
        JsonNode problem = invalid(http.get("/predict?hr=25&temp=abc&tmp=1&seriesId=NO&clientKey=%20"));

        assertThat(fields(problem)).containsExactly("clientKey", "hr", "seriesId", "temp", "tmp");
    }

    @Test
    void extremeNumbersAreRefusedAsOutOfRangeNeverWithA500() {
        for (Object extreme : List.of(1e308, -1e308, Double.MAX_VALUE, Double.MIN_VALUE, Long.MAX_VALUE, -1e19)) {
            for (String field : List.of("hr", "temp", "weathersit")) {
                Map<String, Object> body = Payloads.uci(ROW);
                body.put(field, extreme);
                Http.Response response = http.post("/api/v1/predict", body);
                if (extreme.equals(Double.MIN_VALUE) && field.equals("temp")) {
                    assertThat(response.status()).as("%s = %s", field, extreme).isEqualTo(200);
                } else {
                    assertThat(fields(invalid(response)))
                            .as("%s = %s", field, extreme)
                            .containsExactly(field);
                }
            }
            for (String field : List.of("temperatureCelsius", "humidityPercent", "windSpeedKmh", "weatherSituation")) {
                Map<String, Object> body = Payloads.natural(ROW);
                body.put(field, extreme);
                Http.Response response = http.post("/api/v1/predict", body);
                if (extreme.equals(Double.MIN_VALUE) && !field.equals("weatherSituation")) {
                    assertThat(response.status()).as("%s = %s", field, extreme).isEqualTo(200);
                } else {
                    assertThat(fields(invalid(response)))
                            .as("%s = %s", field, extreme)
                            .containsExactly(field);
                }
            }
        }
        for (String raw : List.of("1e309", "-1e309", "1" + "0".repeat(400), "1".repeat(5_000), "NaN", "Infinity")) {
            String body = "{\"season\":3,\"yr\":1,\"mnth\":7,\"hr\":" + raw + ",\"holiday\":0,\"weekday\":3,"
                    + "\"workingday\":1,\"weathersit\":1,\"temp\":0.7,\"atemp\":0.6,\"hum\":0.4,\"windspeed\":0.2}";
            invalid(http.post("/api/v1/predict", body));
        }
        for (String query : List.of("hr=NaN", "hr=1e309", "temp=-1e308", "hum=Infinity", "hr=0x1p3", "hr=")) {
            Http.Response response = http.get("/predict?" + query);
            assertThat(response.status()).as(query).isIn(200, 400);
            if (response.status() == 400) {
                invalid(response);
            }
        }
    }

    @Test
    void datesAtTheEndsOfTheCalendarAreRefusedNeverWithA500() {
        for (String timestamp : List.of(
                "+999999999-12-31T23:00",
                "-999999999-01-01T00:00Z",
                "+10000-01-01T00:00",
                "0000-01-01T00:00",
                "2012-02-30T10:00",
                "2012-07-04T24:00",
                "2012-07-04",
                "",
                "T".repeat(100_000))) {
            Map<String, Object> natural = Payloads.natural(ROW);
            natural.put("timestamp", timestamp);
            assertThat(fields(invalid(http.post("/api/v1/predict", natural))))
                    .as(timestamp)
                    .containsExactly("timestamp");
            Map<String, Object> uci = Payloads.uci(ROW);
            uci.put("hour", timestamp);
            assertThat(fields(invalid(http.post("/api/v1/predict", uci))))
                    .as(timestamp)
                    .containsExactly("hour");
        }
        assertThat(fields(invalid(http.get("/predict?hour=%2B999999999-12-31T23:00"))))
                .containsExactly("hour");
    }

    /** Issue 15, point 1: an hour outside the plausible years is a 400 naming the field and the setting. */
    @Test
    void hoursOutsideThePlausibleYearsAreRefusedNamingTheSetting() {
        for (String timestamp : List.of("1969-12-31T23:00", "2101-01-01T00:00", "9999-06-01T12:00")) {
            Map<String, Object> natural = Payloads.natural(ROW);
            natural.put("timestamp", timestamp);
            JsonNode problem = invalid(http.post("/api/v1/predict", natural));
            assertThat(fields(problem)).as(timestamp).containsExactly("timestamp");
            assertThat(error(problem, "timestamp").path("reason").asString())
                    .isEqualTo("must be in the years 1970 to 2100 (bikecast.prediction.plausible-years)");
        }
        for (String timestamp : List.of("1970-01-01T00:00", "2100-12-31T23:00")) {
            Map<String, Object> natural = Payloads.natural(ROW);
            natural.put("timestamp", timestamp);
            Http.Response answered = http.post("/api/v1/predict", natural);
            assertThat(answered.status()).as(timestamp + ": " + answered.text()).isEqualTo(200);
        }
    }

    @Test
    void jsonOfTheWrongShapeIsRefusedNeverWithA500() {
        List<String> bodies = List.of(
                "",
                "null",
                "[]",
                "[{}]",
                "17",
                "\"a prediction\"",
                "true",
                "{\"hr\": true}",
                "{\"hr\": {}}",
                "{\"hr\": []}",
                "{\"hr\": \"17\"}",
                "{\"timestamp\": 17}",
                "{\"timestamp\": {\"at\": 17}}",
                "{\"seriesId\": 5}",
                "{\"clientKey\": []}",
                "{\"hr\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"hr\": 17, \"hr\": 18}",
                "{" + "\"x\":1,".repeat(10_000) + "\"y\":2}",
                "{\"clientKey\": \"" + "k".repeat(1_000_000) + "\"}",
                "\u0000\u0001\u0002",
                "{\"hr\": 17");
        for (String body : bodies) {
            invalid(http.post("/api/v1/predict", body));
        }
        invalid(http.post("/api/v1/predict", "{}"));
        assertThat(fields(invalid(http.post("/api/v1/predict", "{}")))).hasSize(12);
    }

    @Test
    void batchesOfTheWrongShapeOrSizeAreRefusedNeverWithA500() {
        for (String body : List.of(
                "{}",
                "{\"rows\": null}",
                "{\"rows\": []}",
                "{\"rows\": {}}",
                "{\"rows\": \"all of them\"}",
                "{\"rows\": [1]}",
                "{\"rows\": [\"a\"]}",
                "{\"rows\": [[]]}",
                "{\"rows\": [null]}",
                "[]")) {
            invalid(http.post("/api/v1/predict/batch", body));
        }
    }

    @Test
    void aHugeBatchIsRefusedForItsSizeAloneWithoutCheckingItsRows() {
        List<Object> rows = Collections.nCopies(100_000, Map.of());

        JsonNode problem = invalid(http.post("/api/v1/predict/batch", Map.of("rows", rows)));

        assertThat(fields(problem)).containsExactly("rows");
        assertThat(error(problem, "rows").path("reason").asString())
                .isEqualTo("must hold at most 50 rows but held 100000");
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWith413BeforeAByteIsRead() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/predict/batch HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 314572800\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Not one byte of the 300 MB is sent: the answer must not wait for them.
            BufferedReader answer =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = answer.readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            int length = 0;
            for (String header = answer.readLine(); !header.isEmpty(); header = answer.readLine()) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(
                            header.substring("content-length:".length()).trim());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += answer.read(body, read, length - read);
            }
            JsonNode problem = Http.JSON.readTree(new String(body));
            assertThat(problem.path("type").asString()).isEqualTo("https://bikecast.io/problems/payload-too-large");
            assertThat(problem.path("detail").asString()).contains("314572800").contains("8388608");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutOffAt413() throws Exception {
        // Valid JSON all along (whitespace between the brackets), so only its length can be refused.
        byte[] start = "{\"rows\":[".getBytes(StandardCharsets.US_ASCII);
        long spaces = 9L * 1024 * 1024;
        InputStream body = new SequenceInputStream(
                new ByteArrayInputStream(start),
                new SequenceInputStream(
                        new InputStream() {
                            private long left = spaces;

                            @Override
                            public int read() {
                                return left-- > 0 ? ' ' : -1;
                            }
                        },
                        new ByteArrayInputStream("]}".getBytes(StandardCharsets.US_ASCII))));
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/predict/batch"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(abbreviated(response.body())).isEqualTo(413);
        assertThat(Http.JSON.readTree(response.body()).path("type").asString())
                .isEqualTo("https://bikecast.io/problems/payload-too-large");
    }

    /** The response is a 400 invalid-request problem with at least one named field. */
    private static JsonNode invalid(Http.Response response) {
        assertThat(response.status()).as(abbreviated(response.text())).isEqualTo(400);
        JsonNode problem = response.body();
        assertThat(problem).as(abbreviated(response.text())).isNotNull();
        assertThat(problem.path("type").asString()).isEqualTo(INVALID_REQUEST);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(fields(problem)).as(abbreviated(response.text())).isNotEmpty();
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asString())
                .toList();
    }

    private static JsonNode error(JsonNode problem, String field) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .filter(error -> error.path("field").asString().equals(field))
                .findFirst()
                .orElseThrow();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 2_000 ? text : text.substring(0, 2_000) + "…";
    }
}
