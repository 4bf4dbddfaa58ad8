package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.SeriesSelection;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.Forecasts;
import io.bikecast.training.forecast.WindowHistory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A model family over the stations of a system ({@code bikecast.training.families[0].series-id=sim-*}), trained beside
 * the default model: one global model learns every station's hours, each with the history features of its own demand,
 * and is registered and made champion under its own name, which every registry and run endpoint takes as {@code
 * ?model=}. On real PostgreSQL and Kafka, with twelve stations whose demand is an uneven share of the UCI data's (June
 * to mid-July 2012), beside a series of another system that must stay out of it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.security.api-key.key=" + Api.KEY,
            "bikecast.training.model-name=" + StationFamilyTrainingTest.DEFAULT_MODEL,
            "bikecast.training.families[0].model-name=" + StationFamilyTrainingTest.MODEL,
            "bikecast.training.families[0].series-id=sim-*",
            "bikecast.training.boosting.rounds=120",
            "bikecast.training.boosting.eta=0.1",
            "bikecast.training.reference-sample-size=500",
            "bikecast.training.schedule.cron=-",
            "bikecast.training.worker-poll-interval=1s",
            "bikecast.outbox.poll-interval=500ms"
        })
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationFamilyTrainingTest {

    static final String MODEL = "sim-stations";
    /** The default model of this test's service: named apart from other tests' models in the shared registry. */
    static final String DEFAULT_MODEL = "family-test-system";

    private static final int STATIONS = 12;
    private static final LocalDate FROM = LocalDate.of(2012, 6, 1);
    private static final LocalDate TO = LocalDate.of(2012, 7, 16);
    private static final LocalDateTime HOLDOUT_START = LocalDateTime.of(2012, 7, 9, 0, 0);

    private static final FakeIngest INGEST = FakeIngest.start();

    @DynamicPropertySource
    static void readTheFakeIngestService(DynamicPropertyRegistry properties) {
        properties.add("bikecast.training.ingest.base-url", INGEST::baseUrl);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private ObservationReader observations;

    private Api api;
    private int hours;

    @BeforeAll
    void storeTheStations() {
        api = new Api(port);
        for (int station = 0; station < STATIONS; station++) {
            double share = share(station);
            hours = INGEST.storeSeries("sim-" + station, FROM, TO, row -> (int) Math.round(row.cnt() * share));
        }
        // Another system's station, a hundred times busier than the whole UCI system: it must not be learned from.
        INGEST.storeSeries("other-1", FROM, TO, row -> row.cnt() * 100);
    }

    @AfterAll
    void stopTheIngestService() {
        INGEST.close();
    }

    /** Station k's share of the system's demand: uneven, from 1.3% to 16%, as a real system's stations are. */
    private static double share(int station) {
        double total =
                IntStream.range(0, STATIONS).mapToDouble(k -> 1.0 / (k + 1)).sum();
        return 0.5 / (station + 1) / total;
    }

    @Test
    void oneModelLearnsEveryStationOfTheFamilyAndForecastsEachAtItsOwnLevel() {
        JsonNode run = api.awaitRun(
                api.queueRun("{\"model\": \"" + MODEL + "\", \"reason\": \"station family\", \"parameters\":"
                        + " {\"holdoutStart\": \"" + HOLDOUT_START + ":00\"}}"),
                Duration.ofMinutes(3));
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("modelName").asString()).isEqualTo(MODEL);

        // Every hour of each of the twelve stations, and none of the other system's.
        assertThat(run.path("servedFitRows").asInt()).isEqualTo(STATIONS * hours);
        assertThat(run.path("trainingRows").asInt() + run.path("holdoutRows").asInt())
                .isEqualTo(STATIONS * hours);
        JsonNode champion = api.get("/api/v1/models/champion?model=" + MODEL).json();
        assertThat(champion.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(champion.path("version").asLong())
                .isEqualTo(run.path("modelVersion").asLong());
        // The default model is another registry model, with no champion yet.
        assertThat(api.get("/api/v1/models/champion").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/training-runs?model=" + MODEL).json().path("items"))
                .hasSize(1);
        assertThat(api.get("/api/v1/training-runs").json().path("items")).isEmpty();

        // Scored on the holdout week, each station with its own recent demand: the busiest station's forecasts are
        // about twelve times the quietest's, as their demand is, and every station is forecast a day ahead better
        // than by its demand a week before, the naive forecast a model with weather and calendar must beat.
        Forecaster forecaster = ForecasterArtifacts.read(
                api.getBytes("/api/v1/models/" + champion.path("version").asLong() + "/artifact?model=" + MODEL)
                        .body());
        List<TrainingRow> all = observations.read(SeriesSelection.of("sim-*"), null);
        WindowHistory history = WindowHistory.of(all);
        double[] meanForecast = new double[STATIONS];
        for (int station = 0; station < STATIONS; station++) {
            String series = "sim-" + station;
            List<TrainingRow> holdout = all.stream()
                    .filter(row -> row.seriesId().equals(series) && !row.hour().isBefore(HOLDOUT_START))
                    .toList();
            double[] forecasts = Forecasts.counts(forecaster, 24, holdout, history);
            meanForecast[station] = mean(forecasts);
            double[] weekBefore = holdout.stream()
                    .mapToDouble(row -> history.of(series)
                            .demandAt(row.hour().minusWeeks(1))
                            .orElseThrow())
                    .toArray();
            double[] actual = Forecasts.actual(holdout);
            assertThat(rmse(forecasts, actual))
                    .as("station %s: the family's RMSE a day ahead against the week-before forecast's", series)
                    .isLessThan(rmse(weekBefore, actual));
        }
        double busiestOverQuietest = meanForecast[0] / meanForecast[STATIONS - 1];
        assertThat(busiestOverQuietest).isBetween(STATIONS * 0.7, STATIONS * 1.3);
    }

    @Test
    void theFamiliesAreListedAndAnUnknownModelIsRefusedByName() {
        JsonNode families = api.get("/api/v1/models/families").json();
        assertThat(families).hasSize(2);
        assertThat(families.get(0).path("modelName").asString()).isEqualTo(DEFAULT_MODEL);
        assertThat(families.get(0).path("series").asString()).isEqualTo("system");
        assertThat(families.get(1).path("modelName").asString()).isEqualTo(MODEL);
        assertThat(families.get(1).path("series").asString()).isEqualTo("sim-*");

        Api.Response unknownRun = api.post("/api/v1/training-runs", "{\"model\": \"no-such-model\"}");
        assertThat(unknownRun.status()).isEqualTo(400);
        assertThat(unknownRun.json().path("errors").get(0).path("field").asString())
                .isEqualTo("model");
        Api.Response unknownChampion = api.get("/api/v1/models/champion?model=no-such-model");
        assertThat(unknownChampion.status()).isEqualTo(404);
        assertThat(unknownChampion.json().path("detail").asString()).contains(MODEL);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double rmse(double[] forecast, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += (forecast[i] - actual[i]) * (forecast[i] - actual[i]);
        }
        return Math.sqrt(sum / actual.length);
    }
}
