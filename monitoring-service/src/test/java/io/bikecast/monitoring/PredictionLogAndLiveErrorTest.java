package io.bikecast.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.PredictionsLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.monitoring.liveerror.LiveErrorService;
import io.bikecast.monitoring.support.Http;
import io.bikecast.platform.kafka.EventPublisher;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.WithFakeTrainingRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prediction log and live error on real PostgreSQL and Kafka: a consumer stopped while predictions (and
 * redeliveries of earlier ones) keep coming loses and duplicates nothing, and live RMSE, MAE, R² and bias over the
 * 24-hour and 7-day windows equal the values computed here from the same pairs, per model version, with shadow
 * traffic apart and "not enough data" below the minimum.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.monitoring.drift.schedule-enabled=false",
            "bikecast.monitoring.live-error.refresh-interval=1h",
            "bikecast.monitoring.live-error.min-pairs=24",
            "bikecast.monitoring.families[0].model-name=sim-stations",
            "bikecast.monitoring.families[0].series-prefix=sim-*"
        })
@RealInfrastructure
// Live error needs no registry; the fake keeps the context from reaching for a training service on localhost.
@WithFakeTrainingRegistry("bikecast.monitoring.registry.base-url")
class PredictionLogAndLiveErrorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The prediction log consumer's listener id, as operators find it in {@code KafkaListenerEndpointRegistry}. */
    private static final String PREDICTION_LOG_LISTENER = "monitoring-prediction-log";

    private static final UciFeatures FEATURES = new UciFeatures(1, 1, 1, 8, 0, 2, 1, 1, 0.3, 0.3, 0.6, 0.2);
    private static final LocalDateTime START = LocalDateTime.of(2012, 3, 1, 0, 0);

    @LocalServerPort
    private int port;

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private LiveErrorService liveErrors;

    @Test
    void aConsumerRestartLosesAndDuplicatesNoPrediction() {
        List<PredictionLogged> first = predictions(300, 1);
        publish(first);
        awaitStoredForVersion(1, 300);

        MessageListenerContainer container = listeners.getListenerContainer(PREDICTION_LOG_LISTENER);
        container.stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> !container.isRunning());
        List<PredictionLogged> second = predictions(200, 1);
        publish(second);
        publish(first.subList(0, 100)); // redelivered duplicates
        assertThat(count(1)).as("nothing is consumed while stopped").isEqualTo(300);

        container.start();
        awaitStoredForVersion(1, 500);
        Set<String> expected = new HashSet<>();
        first.forEach(p -> expected.add(p.predictionId().toString()));
        second.forEach(p -> expected.add(p.predictionId().toString()));
        assertThat(jdbc.queryForList(
                        "SELECT prediction_id::text FROM monitoring.prediction_log WHERE model_version = 1",
                        String.class))
                .hasSize(500)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBatchOfPredictionsIsStoredOnePredictionARowWithEveryField() {
        Instant at = Instant.parse("2012-03-02T10:15:30.123456Z");
        List<PredictionLogged> batch = List.of(
                prediction(START.plusHours(5), 40, 41, ServedBy.CHAMPION, false, at),
                prediction(null, 7, 41, ServedBy.CHALLENGER, true, at));
        publisher.publish(PredictionsLogged.of(batch)).join();
        publisher.publish(PredictionsLogged.of(batch)).join(); // redelivered
        publish(List.of(batch.getFirst())); // and once more as an older producer wrote it
        awaitStoredForVersion(41, 2);

        Map<String, Object> served = jdbc.queryForMap(
                "SELECT * FROM monitoring.prediction_log WHERE prediction_id = ?",
                batch.getFirst().predictionId());
        assertThat(served)
                .containsEntry("series_id", "system")
                .containsEntry("hour", Timestamp.valueOf(START.plusHours(5)))
                .containsEntry("model_name", "bike-demand")
                .containsEntry("served_by", "CHAMPION")
                .containsEntry("shadow", false)
                .containsEntry("prediction", 40.2)
                .containsEntry("predicted_count", 40L)
                .containsEntry("hr", 8)
                .containsEntry("weathersit", 1)
                .containsEntry("windspeed", 0.2);
        assertThat(jdbc.queryForObject(
                                "SELECT predicted_at FROM monitoring.prediction_log WHERE prediction_id = ?",
                                OffsetDateTime.class,
                                batch.getFirst().predictionId())
                        .toInstant())
                .isEqualTo(at);
        Map<String, Object> shadow = jdbc.queryForMap(
                "SELECT hour, served_by, shadow FROM monitoring.prediction_log WHERE prediction_id = ?",
                batch.getLast().predictionId());
        assertThat(shadow.get("hour")).isNull();
        assertThat(shadow).containsEntry("served_by", "CHALLENGER").containsEntry("shadow", true);
    }

    @Test
    void liveErrorMatchesTheDefinitionsPerVersionAndWindow() throws Exception {
        // 30 hours: actual 100 + 10i, served prediction by v7 = actual + error_i, shadow prediction by v8.
        int hours = 30;
        int[] actual = IntStream.range(0, hours).map(i -> 100 + 10 * i).toArray();
        int[] error = IntStream.range(0, hours).map(i -> (i % 5 - 2) * 8 + 3).toArray();
        List<PredictionLogged> served = new ArrayList<>();
        List<PredictionLogged> shadow = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            served.add(prediction(START.plusHours(i), actual[i] + error[i], 7, ServedBy.CHAMPION, false));
            shadow.add(prediction(START.plusHours(i), actual[i] - 50, 8, ServedBy.CHALLENGER, true));
        }
        List<PredictionLogged> few = IntStream.range(0, 5)
                .mapToObj(i -> prediction(START.plusHours(25 + i), 500, 9, ServedBy.CHAMPION, false))
                .toList();
        publish(served);
        publish(shadow);
        publish(few);
        publish(List.of(prediction(null, 123, 7, ServedBy.CHAMPION, false))); // no hour: stored, never joined
        List<CompletableFuture<?>> sent = new ArrayList<>();
        // A first, wrong count for hour 0, then the right one: the later value of an hour wins.
        sent.add(publisher.publish(ActualObserved.of("system", START, 9999, "replay")));
        for (int i = 0; i < hours; i++) {
            sent.add(publisher.publish(ActualObserved.of("system", START.plusHours(i), actual[i], "replay")));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        awaitStoredForVersion(7, hours + 1);
        awaitStoredForVersion(8, hours);
        awaitStoredForVersion(9, 5);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM monitoring.actual WHERE count < 9999", Integer.class)
                                == hours);

        JsonNode response =
                JSON.readTree(new Http(port).get("/api/v1/live-error").body());
        assertThat(response.path("dataClock").asString()).isEqualTo("2012-03-02T05:00:00");

        // The 24-hour window ends at the latest actual (hour 29) and holds hours 6..29; the week holds all 30.
        assertWindow(window(response, 7, false, "24h"), actual, error, 6, hours);
        assertWindow(window(response, 7, false, "168h"), actual, error, 0, hours);
        JsonNode shadowWeek = window(response, 8, true, "168h");
        assertThat(shadowWeek.path("servedBy").asString()).isEqualTo("CHALLENGER");
        assertThat(shadowWeek.path("bias").asDouble()).isEqualTo(-50.0);
        assertThat(shadowWeek.path("rmse").asDouble()).isEqualTo(50.0);

        // ?model= keeps one model's windows: the default model's, and none of them for the family.
        JsonNode byModel = JSON.readTree(
                new Http(port).get("/api/v1/live-error?model=bike-demand").body());
        assertWindow(window(byModel, 7, false, "24h"), actual, error, 6, hours);
        JsonNode familyOnly = JSON.readTree(
                new Http(port).get("/api/v1/live-error?model=sim-stations").body());
        assertThat(familyOnly.path("windows"))
                .as("the family's station hours lie weeks before the data clock")
                .isEmpty();

        JsonNode tooFew = window(response, 9, false, "168h");
        assertThat(tooFew.path("pairs").asInt()).isEqualTo(5);
        assertThat(tooFew.path("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(tooFew.path("rmse").isNull()).isTrue();
        assertThat(tooFew.path("r2").isNull()).isTrue();

        liveErrors.refreshMetrics();
        String metrics = new Http(port).get("/actuator/prometheus").body();
        double expectedRmse = rmse(actual, error, 6, hours);
        assertThat(sample(
                        metrics, "bikecast_live_rmse{", "model_version=\"7\"", "window=\"24h\"", "traffic=\"served\""))
                .isCloseTo(expectedRmse, Offset.offset(1e-9));
        assertThat(sample(metrics, "bikecast_live_r2{", "model_version=\"9\"", "window=\"168h\""))
                .isNaN();
        assertThat(sample(metrics, "bikecast_live_mae{", "model_version=\"8\"", "traffic=\"shadow\""))
                .isEqualTo(50.0);
    }

    /**
     * Issue 15, point 12: prediction endpoints need no key, so one client asking for one hour five hundred times, with
     * a number of its own, must weigh that hour once: each hour counts with the last prediction made for it.
     */
    @Test
    void aClientAskingForOneHourManyTimesWeighsItOnce() {
        int hours = 30;
        LocalDateTime first = START.minusHours(100);
        Instant earlier = Instant.now().minusSeconds(600);
        List<PredictionLogged> flood = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            flood.add(prediction(first, 5000, 11, ServedBy.CHAMPION, false, earlier));
        }
        List<PredictionLogged> honest = IntStream.range(0, hours)
                .mapToObj(i -> prediction(first.plusHours(i), 200, 11, ServedBy.CHAMPION, false, Instant.now()))
                .toList();
        publish(flood);
        publish(honest);
        CompletableFuture.allOf(IntStream.range(0, hours)
                        .mapToObj(
                                i -> publisher.publish(ActualObserved.of("system", first.plusHours(i), 200, "replay")))
                        .toArray(CompletableFuture[]::new))
                .join();
        awaitStoredForVersion(11, 500 + hours);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM monitoring.actual WHERE hour >= ? AND hour < ?",
                                Integer.class,
                                java.sql.Timestamp.valueOf(first),
                                java.sql.Timestamp.valueOf(first.plusHours(hours)))
                        == hours);

        JsonNode week =
                window(JSON.readTree(new Http(port).get("/api/v1/live-error").body()), 11, false, "168h");
        assertThat(week.path("pairs").asInt()).isEqualTo(hours);
        assertThat(week.path("rmse").asDouble()).isZero();
    }

    /**
     * Issue 12: a model family's live error per station. Two stations of {@code sim-stations}, one over-forecast by 5
     * every hour, one under-forecast by 20; its shadow traffic and another model's predictions of the same station
     * hours must not count.
     */
    @Test
    void aFamilysLiveErrorIsBrokenDownPerStation() {
        int hours = 10;
        LocalDateTime first = START.minusHours(400);
        List<PredictionLogged> predictions = new ArrayList<>();
        List<CompletableFuture<?>> actuals = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            LocalDateTime hour = first.plusHours(i);
            int actual = 50 + i;
            predictions.add(station("sim-a", hour, actual + 5, "sim-stations", ServedBy.CHAMPION, false));
            predictions.add(station("sim-b", hour, actual - 20, "sim-stations", ServedBy.CHAMPION, false));
            predictions.add(station("sim-a", hour, 0, "sim-stations", ServedBy.CHALLENGER, true));
            predictions.add(station("sim-a", hour, 0, "other-family", ServedBy.CHAMPION, false));
            actuals.add(publisher.publish(ActualObserved.of("sim-a", hour, actual, "gbfs")));
            actuals.add(publisher.publish(ActualObserved.of("sim-b", hour, actual, "gbfs")));
        }
        publish(predictions);
        CompletableFuture.allOf(actuals.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT (SELECT count(*) FROM monitoring.prediction_log WHERE series_id LIKE 'sim-%')"
                                        + " + (SELECT count(*) FROM monitoring.actual WHERE series_id LIKE 'sim-%')",
                                Integer.class)
                        == 6 * hours);

        Http http = new Http(port);
        JsonNode breakdown = JSON.readTree(http.get("/api/v1/live-error/series?model=sim-stations&from="
                        + first.minusHours(1) + "&to=" + first.plusHours(hours - 1))
                .body());

        JsonNode series = breakdown.path("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).path("seriesId").asString()).isEqualTo("sim-a");
        assertThat(series.get(0).path("pairs").asInt()).isEqualTo(hours);
        assertThat(series.get(0).path("rmse").asDouble()).isCloseTo(5.0, Offset.offset(1e-9));
        assertThat(series.get(0).path("bias").asDouble()).isCloseTo(5.0, Offset.offset(1e-9));
        assertThat(series.get(0).path("meanActual").asDouble()).isCloseTo(54.5, Offset.offset(1e-9));
        assertThat(series.get(1).path("seriesId").asString()).isEqualTo("sim-b");
        assertThat(series.get(1).path("rmse").asDouble()).isCloseTo(20.0, Offset.offset(1e-9));
        assertThat(series.get(1).path("mae").asDouble()).isCloseTo(20.0, Offset.offset(1e-9));
        assertThat(series.get(1).path("bias").asDouble()).isCloseTo(-20.0, Offset.offset(1e-9));

        assertThat(JSON.readTree(http.get("/api/v1/live-error/series?model=sim-stations&window=5h")
                                .body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("window");
        assertThat(JSON.readTree(http.get("/api/v1/live-error/series?model=sim-stations&from=" + first)
                                .body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("to");

        HttpResponse<String> unknown = http.get("/api/v1/live-error/series?model=other-family&window=24h");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(JSON.readTree(unknown.body()).path("detail").asString())
                .contains("no model 'other-family'")
                .contains("sim-stations");
        assertThat(http.get("/api/v1/live-error?model=other-family").statusCode())
                .isEqualTo(404);
    }

    private static PredictionLogged station(
            String series, LocalDateTime hour, long count, String model, ServedBy servedBy, boolean shadow) {
        return PredictionLogged.of(
                UUID.randomUUID(), series, hour, FEATURES, count, count, model, 1, servedBy, shadow, Instant.now());
    }

    private static void assertWindow(JsonNode window, int[] actual, int[] error, int from, int to) {
        int n = to - from;
        double sumSquared = 0;
        double sumAbsolute = 0;
        double sumError = 0;
        double mean = IntStream.range(from, to).map(i -> actual[i]).average().orElseThrow();
        double totalSquares = 0;
        for (int i = from; i < to; i++) {
            sumSquared += error[i] * (double) error[i];
            sumAbsolute += Math.abs(error[i]);
            sumError += error[i];
            totalSquares += (actual[i] - mean) * (actual[i] - mean);
        }
        assertThat(window.path("status").asString()).isEqualTo("OK");
        assertThat(window.path("pairs").asInt()).isEqualTo(n);
        assertThat(window.path("rmse").asDouble()).isCloseTo(Math.sqrt(sumSquared / n), Offset.offset(1e-9));
        assertThat(window.path("mae").asDouble()).isCloseTo(sumAbsolute / n, Offset.offset(1e-9));
        assertThat(window.path("bias").asDouble()).isCloseTo(sumError / n, Offset.offset(1e-9));
        assertThat(window.path("r2").asDouble()).isCloseTo(1 - sumSquared / totalSquares, Offset.offset(1e-9));
    }

    private static double rmse(int[] actual, int[] error, int from, int to) {
        return Math.sqrt(IntStream.range(from, to)
                .mapToDouble(i -> error[i] * (double) error[i])
                .average()
                .orElseThrow());
    }

    private static JsonNode window(JsonNode response, long version, boolean shadow, String window) {
        return StreamSupport.stream(response.path("windows").spliterator(), false)
                .filter(w -> w.path("modelVersion").asLong() == version
                        && w.path("shadow").asBoolean() == shadow
                        && w.path("window").asString().equals(window))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no window " + version + " " + shadow + " " + window));
    }

    private static double sample(String metrics, String name, String... fragments) {
        return metrics.lines()
                .filter(line -> line.startsWith(name))
                .filter(line -> List.of(fragments).stream().allMatch(line::contains))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .map(value -> value.equals("NaN") ? Double.NaN : Double.parseDouble(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + List.of(fragments)));
    }

    private List<PredictionLogged> predictions(int count, long version) {
        return IntStream.range(0, count)
                .mapToObj(i -> prediction(START.plusHours(1000 + i), 100, version, ServedBy.CHAMPION, false))
                .toList();
    }

    private static PredictionLogged prediction(
            LocalDateTime hour, long count, long version, ServedBy servedBy, boolean shadow) {
        return prediction(hour, count, version, servedBy, shadow, Instant.now());
    }

    private static PredictionLogged prediction(
            LocalDateTime hour, long count, long version, ServedBy servedBy, boolean shadow, Instant at) {
        return PredictionLogged.of(
                UUID.randomUUID(),
                "system",
                hour,
                FEATURES,
                count + 0.2,
                count,
                "bike-demand",
                version,
                servedBy,
                shadow,
                at);
    }

    private void publish(List<PredictionLogged> predictions) {
        CompletableFuture.allOf(predictions.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
                .join();
    }

    private int count(long version) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM monitoring.prediction_log WHERE model_version = ?", Integer.class, version);
    }

    private void awaitStoredForVersion(long version, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(version), n -> n == expected);
    }
}
