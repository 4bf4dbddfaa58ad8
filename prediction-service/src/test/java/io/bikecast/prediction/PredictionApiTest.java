package io.bikecast.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalCondition;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.model.FeatureExamples;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.PredictionServiceTest;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.UciDataset;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API with a champion in place: both payload forms, quick GET, batch, every kind of bad input, and the metrics. */
@PredictionServiceTest(properties = "bikecast.prediction.max-batch-rows=50")
class PredictionApiTest {

    private static final UciDataset.HourRow ROW = TestModels.row(4_000);

    @LocalServerPort
    private int port;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void predictsFromTheUciFormWithTheForestsOwnAnswerAndItsSpread() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("hour", ROW.dteday().atTime(ROW.hr(), 0).toString());
        body.put("seriesId", "system");

        Http.Response response = http.post("/api/v1/predict", body);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode json = response.body();
        double expected = TestModels.first().predict(ROW.features());
        assertThat(json.path("rawPrediction").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(json.path("predictedCount").asLong()).isEqualTo(Math.max(0, Math.round(expected)));
        assertThat(json.path("interval").path("p10").asDouble())
                .isLessThanOrEqualTo(json.path("interval").path("p90").asDouble());
        assertThat(json.path("modelName").asString()).isEqualTo(TestModels.MODEL_NAME);
        assertThat(json.path("modelVersion").asLong()).isEqualTo(1);
        assertThat(json.path("servedBy").asString()).isEqualTo("CHAMPION");
        assertThat(json.path("predictionId").asString()).hasSize(36);
        assertThat(json.path("seriesId").asString()).isEqualTo("system");
        assertThat(LocalDateTime.parse(json.path("hour").asString()))
                .isEqualTo(ROW.dteday().atTime(ROW.hr(), 0));
        assertThat(json.has("filledFields")).isFalse();
    }

    @Test
    void intervalIsTheTenthAndNinetiethPercentileOfTheTrees() {
        Http.Response response = http.post("/api/v1/predict", Payloads.uci(ROW));

        double[] trees = ((org.tribuo.ensemble.EnsembleModel<org.tribuo.regression.Regressor>)
                        TestModels.first().model())
                .getModels().stream()
                        .mapToDouble(tree -> tree.predict(FeatureExamples.unlabelledExample(ROW.features()))
                                .getOutput()
                                .getValues()[0])
                        .sorted()
                        .toArray();
        // 10 trees: the 10th percentile lies 0.9 of the way from the 1st to the 2nd smallest (type 7).
        double p10 = trees[0] + 0.9 * (trees[1] - trees[0]);
        double p90 = trees[8] + 0.1 * (trees[9] - trees[8]);
        assertThat(response.body().path("interval").path("p10").asDouble()).isCloseTo(p10, within(1e-9));
        assertThat(response.body().path("interval").path("p90").asDouble()).isCloseTo(p90, within(1e-9));
    }

    @Test
    void predictsFromTheNaturalFormThroughTheSharedFeaturePath() {
        Map<String, Object> local = Payloads.natural(ROW);
        Map<String, Object> withOffset = new HashMap<>(local);
        LocalDateTime hour = ROW.dteday().atTime(ROW.hr(), 0);
        withOffset.put(
                "timestamp",
                hour.atZone(io.bikecast.common.series.SeriesId.ZONE)
                        .toOffsetDateTime()
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                        .plusMinutes(25)
                        .toString());

        for (Map<String, Object> body : List.of(local, withOffset)) {
            Http.Response response = http.post("/predict", body);

            assertThat(response.status()).as(response.text()).isEqualTo(200);
            UciFeatures features = Http.JSON.treeToValue(response.body().path("features"), UciFeatures.class);
            assertThat(features)
                    .isEqualTo(FeatureEngineering.fromNatural(new NaturalConditions(
                            hour,
                            (double) body.get("temperatureCelsius"),
                            (double) body.get("feelsLikeCelsius"),
                            (double) body.get("humidityPercent"),
                            (double) body.get("windSpeedKmh"),
                            (int) body.get("weatherSituation"))));
            assertThat(features.hr()).isEqualTo(ROW.hr());
            assertThat(LocalDateTime.parse(response.body().path("hour").asString()))
                    .isEqualTo(hour);
            assertThat(response.body().path("rawPrediction").asDouble())
                    .isCloseTo(TestModels.first().predict(features), within(1e-9));
            // A legacy single forest has no history models: issued the hour before, answered without history.
            assertThat(response.body().path("lead").asInt()).isZero();
            assertThat(response.body().path("historyUsed").asBoolean()).isFalse();
            assertThat(response.body().path("horizonHours").asInt()).isEqualTo(1);
            assertThat(LocalDateTime.parse(response.body().path("issuedAt").asString()))
                    .isEqualTo(hour.minusHours(1));
        }
    }

    @Test
    void quickGetFillsMissingFieldsFromTheChampionsReferenceMediansAndSaysWhich() {
        Http.Response response = http.get("/predict?hr=17&temp=0.7&season=3");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> filled = StreamSupport.stream(
                        response.body().path("filledFields").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
        assertThat(filled)
                .containsExactly(
                        "yr", "mnth", "holiday", "weekday", "workingday", "weathersit", "atemp", "hum", "windspeed");
        JsonNode features = response.body().path("features");
        assertThat(features.path("hr").asInt()).isEqualTo(17);
        assertThat(features.path("temp").asDouble()).isEqualTo(0.7);
        assertThat(features.path("season").asInt()).isEqualTo(3);
        for (String field : filled) {
            assertThat(features.path(field).asDouble())
                    .as(field)
                    .isEqualTo(TestModels.first().sample().median(field));
        }
    }

    @Test
    void predictsABatchInRowOrder() {
        List<Object> rows = List.of(
                Payloads.uci(TestModels.row(10)),
                Payloads.natural(TestModels.row(20)),
                Payloads.uci(TestModels.row(30)));

        Http.Response response = http.post("/api/v1/predict/batch", Map.of("rows", rows));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("count").asInt()).isEqualTo(3);
        int[] indexes = {10, 20, 30};
        for (int i = 0; i < 3; i++) {
            assertThat(response.body()
                            .path("predictions")
                            .get(i)
                            .path("rawPrediction")
                            .asDouble())
                    .isCloseTo(
                            TestModels.first()
                                    .predict(TestModels.row(indexes[i]).features()),
                            within(1e-9));
        }
    }

    @Test
    void theSeedServicesClientsGetAnswersOnTheirPathsWithTheFieldNamesTheyRead() {
        List<Object> inputs = List.of(Payloads.uci(TestModels.row(10)), Payloads.natural(TestModels.row(20)));

        Http.Response batch = http.post("/predict/batch", Map.of("inputs", inputs));

        assertThat(batch.status()).as(batch.text()).isEqualTo(200);
        assertThat(batch.body().path("count").asInt()).isEqualTo(2);
        for (JsonNode answer : batch.body().path("predictions")) {
            assertThat(answer.path("prediction").isNumber())
                    .as(answer.toString())
                    .isTrue();
            assertThat(answer.path("prediction").asLong())
                    .isEqualTo(answer.path("predictedCount").asLong());
        }
        Http.Response single = http.post("/predict", Payloads.uci(ROW));
        assertThat(single.body().path("prediction").asLong())
                .isEqualTo(single.body().path("predictedCount").asLong());
        Http.Response quick = http.get("/predict?hr=17&temp=0.7&season=3");
        assertThat(quick.status()).as(quick.text()).isEqualTo(200);
        assertThat(quick.body().path("predicted_bikes").asLong())
                .isEqualTo(quick.body().path("predictedCount").asLong());

        // The versioned API keeps its own shape.
        assertThat(http.post("/api/v1/predict", Payloads.uci(ROW)).body().has("prediction"))
                .isFalse();
        assertThat(http.get("/api/v1/predict?hr=17").body().has("predicted_bikes"))
                .isFalse();
        Http.Response versionedBatch = http.post("/api/v1/predict/batch", Map.of("inputs", inputs));
        assertThat(versionedBatch.status()).isEqualTo(200);
        assertThat(versionedBatch.body().path("predictions").path(0).has("prediction"))
                .isFalse();
    }

    @Test
    void refusesAMissingField() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.remove("hum");
        assertInvalid(http.post("/api/v1/predict", body), "hum");
    }

    @Test
    void refusesValuesOutOfRangeNamingEach() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("hr", 24);
        body.put("temp", 1.5);
        body.put("weekday", 2.5);
        assertInvalid(http.post("/api/v1/predict", body), "hr", "temp", "weekday");
    }

    @Test
    void refusesAWrongType() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("hr", "seventeen");
        assertInvalid(http.post("/api/v1/predict", body), "hr");
        body.put("hr", "17");
        assertInvalid(http.post("/api/v1/predict", body), "hr");
    }

    @Test
    void refusesAnUnknownField() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("humidity", 0.5);
        assertInvalid(http.post("/api/v1/predict", body), "humidity");
    }

    @Test
    void refusesMalformedJson() {
        assertInvalid(http.post("/api/v1/predict", "{\"hr\": 17,"), "body");
    }

    @Test
    void refusesAMixOfBothForms() {
        Map<String, Object> body = Payloads.natural(ROW);
        body.put("hr", 3);
        assertInvalid(http.post("/api/v1/predict", body), "hr");
    }

    @Test
    void refusesNaturalValuesOutsideWhatTheModelKnowsInTheirOwnUnits() {
        Map<String, Object> body = Payloads.natural(ROW);
        body.put("temperatureCelsius", 45.0);
        body.put("humidityPercent", 120.0);
        body.put("timestamp", "yesterday at five");
        Http.Response response = http.post("/api/v1/predict", body);
        assertInvalid(response, "humidityPercent", "timestamp");

        body.put("humidityPercent", 50.0);
        body.put("timestamp", OffsetDateTime.parse("2012-07-04T17:00:00-04:00").toString());
        response = http.post("/api/v1/predict", body);
        assertInvalid(response, "temperatureCelsius");
        assertThat(response.text()).contains("-9.0 and 41.0 °C");
    }

    @Test
    void refusesAnHourThatContradictsHr() {
        Map<String, Object> body = Payloads.uci(ROW);
        body.put("hour", ROW.dteday().atTime((ROW.hr() + 1) % 24, 0).toString());
        assertInvalid(http.post("/api/v1/predict", body), "hour");
    }

    @Test
    void refusesAnOversizedBatch() {
        List<Object> rows =
                IntStream.range(0, 51).mapToObj(i -> (Object) Payloads.uci(ROW)).toList();
        Http.Response response = http.post("/api/v1/predict/batch", Map.of("rows", rows));
        assertInvalid(response, "rows");
        assertThat(response.text()).contains("at most 50 rows");
    }

    @Test
    void refusesABatchNamingEveryBadRowAndField() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(Payloads.uci(TestModels.row(i)));
        }
        rows.get(1).put("hr", 30);
        rows.get(3).remove("temp");
        rows.get(3).put("weathersit", 0);

        Http.Response response = http.post("/api/v1/predict/batch", Map.of("rows", rows));

        assertInvalid(response, "rows[1].hr", "rows[3].temp", "rows[3].weathersit");
        assertThat(response.body().path("detail").asString()).startsWith("2 of 5 rows are invalid");
    }

    @Test
    void refusesABatchWithAWronglyTypedValueNamingItsRow() {
        List<Map<String, Object>> rows = List.of(Payloads.uci(TestModels.row(0)), Payloads.uci(TestModels.row(1)));
        rows.get(1).put("temp", "warm");
        assertInvalid(http.post("/api/v1/predict/batch", Map.of("rows", rows)), "rows[1].temp");
    }

    @Test
    void refusesBadQuickQueries() {
        assertInvalid(http.get("/predict?hr=abc&tmp=0.5"), "hr", "tmp");
        assertInvalid(http.get("/predict?hr=25"), "hr");
    }

    @Test
    void documentsEachFieldsRangeFromTheSameDefinitionValidationUses() {
        JsonNode schemas = http.get("/v3/api-docs").body().path("components").path("schemas");

        JsonNode hr = schemas.path("UciPredictRequest").path("properties").path("hr");
        assertThat(hr.path("minimum").asDouble()).isEqualTo(Feature.HR.min());
        assertThat(hr.path("maximum").asDouble()).isEqualTo(Feature.HR.max());
        assertThat(hr.path("multipleOf").asDouble()).isEqualTo(1);
        JsonNode temperature =
                schemas.path("NaturalPredictRequest").path("properties").path("temperatureCelsius");
        assertThat(temperature.path("minimum").asDouble()).isEqualTo(NaturalCondition.TEMPERATURE_CELSIUS.min());
        assertThat(temperature.path("maximum").asDouble()).isEqualTo(41.0);
        assertThat(temperature.has("multipleOf")).isFalse();
    }

    @Test
    void reportsTheActiveModels() {
        Http.Response response = http.get("/api/v1/models/active");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("modelName").asString()).isEqualTo(TestModels.MODEL_NAME);
        assertThat(response.body().path("champion").path("version").asLong()).isEqualTo(1);
        assertThat(response.body().path("champion").path("engine").asString()).isEqualTo("compiled");
        assertThat(response.body().path("champion").path("members").asInt()).isEqualTo(10);
        assertThat(response.body().path("challenger").isNull()).isTrue();
    }

    @Test
    void exposesRequestLatencyPredictedValuesAndTheVersionInUse() {
        http.post("/api/v1/predict", Payloads.uci(ROW));
        Map<String, Object> bad = Payloads.uci(ROW);
        bad.put("hr", 99);
        http.post("/api/v1/predict", bad);

        String metrics = http.get("/actuator/prometheus").text();

        assertThat(metrics)
                .contains("bikecast_prediction_requests_seconds_bucket{")
                .containsPattern("bikecast_prediction_requests_seconds_count\\{[^}]*endpoint=\"predict\"[^}]*"
                        + "model_version=\"1\"[^}]*outcome=\"success\"")
                .containsPattern("bikecast_prediction_requests_seconds_count\\{[^}]*outcome=\"invalid\"")
                .contains("bikecast_prediction_predicted_count_rentals_bucket{")
                .containsPattern("bikecast_prediction_model_version\\{[^}]*alias=\"champion\"[^}]*} 1.0")
                .contains("bikecast_prediction_log_buffer_depth")
                .contains("bikecast_prediction_log_dropped_total");
    }

    @Test
    void timesPredictionsOnceAndEveryOtherRequestAsSpringDoes() {
        http.post("/api/v1/predict", Payloads.uci(ROW));
        http.post("/predict", Payloads.uci(ROW));
        http.get("/api/v1/models/active");

        String metrics = http.get("/actuator/prometheus").text();

        assertThat(metrics)
                .containsPattern("bikecast_prediction_requests_seconds_count\\{[^}]*endpoint=\"seedPredict\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/models/active\"")
                .doesNotContainPattern("http_server_requests_seconds_count\\{[^}]*uri=\"(/api/v1)?/predict\"");
    }

    @Test
    void isReadyWithTheChampionInHand() {
        Http.Response readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        Http.Response health = http.get("/actuator/health");
        assertThat(health.body().path("components").path("model").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.body()
                        .path("components")
                        .path("model")
                        .path("details")
                        .path("champion")
                        .path("version")
                        .asLong())
                .isEqualTo(1);
        assertThat(health.body()
                        .path("components")
                        .path("registry")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
    }

    private static void assertInvalid(Http.Response response, String... fields) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.body().path("status").asInt()).isEqualTo(400);
        assertThat(response.body().path("type").asString()).isEqualTo("https://bikecast.io/problems/invalid-request");
        List<String> named = StreamSupport.stream(response.body().path("errors").spliterator(), false)
                .map(error -> error.path("field").asString())
                .toList();
        assertThat(named).as(response.text()).contains(fields);
    }
}
