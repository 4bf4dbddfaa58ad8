package io.bikecast.prediction.benchmark;

import io.bikecast.common.series.SeriesId;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.prediction.PredictionApplication;
import io.bikecast.prediction.support.FakeIngest;
import io.bikecast.prediction.support.Http;
import io.bikecast.prediction.support.Payloads;
import io.bikecast.prediction.support.TestForecasters;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * {@code GET /api/v1/forecast/series?prefix=sim-&hours=24}: the next 24 hours of every station of a 500-station family,
 * as the issue asks ("all 500 stations × 24 h answers in under 200 ms"). The prediction service runs as deployed, its
 * prediction log on the shared embedded Kafka broker; the family's champion is a forecaster of 500 boosted trees per
 * lead ({@link BenchmarkBoosting}, the service's default recipe), its recent demand rebuilt from a fake ingest service
 * holding five weeks of each station, the stored weather of the system read once per request. Prints the median, p95
 * and worst of 50 requests after 20 of warm-up, each 12,000 predictions, and the answer's size.
 *
 * <p>Run: {@code MAVEN_OPTS=-Xmx3g ./mvnw -pl prediction-service test-compile exec:java
 * -Dexec.mainClass=io.bikecast.prediction.benchmark.BulkForecastBenchmark [-Dexec.args=500]}
 */
public final class BulkForecastBenchmark {

    private static final String FAMILY = "sim-stations";
    private static final LocalDateTime LATEST =
            FakeIngest.hourOf(UciDataset.hours().get(12_000));

    private BulkForecastBenchmark() {}

    public static void main(String[] args) throws Exception {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        FakeIngest ingest = FakeIngest.start();
        for (int station = 0; station < stations; station++) {
            ingest.store("sim-" + station, LATEST.minusHours(840), LATEST.plusHours(1));
        }
        Instant issueHourEnd = LATEST.plusHours(1).atZone(SeriesId.ZONE).toInstant();
        ingest.storeWeatherForecast(
                "sim", issueHourEnd.minus(Duration.ofMinutes(30)), Payloads.storedForecast(LATEST, 12_000, 24));

        FakeTrainingRegistry registry = FakeTrainingRegistry.start(TestModels.MODEL_NAME);
        TestForecasters.registerChampion(registry);
        FakeTrainingRegistry family = registry.family(FAMILY);
        Forecaster forecaster = boosted();
        long version = family.register(
                forecaster,
                TestForests.referenceSample(
                        forecaster.withoutHistoryModel().model(),
                        UciDataset.hours().subList(0, 200)),
                TestModels.METRICS);
        family.setAlias(TestModels.CHAMPION, version);

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PredictionApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers="
                                + SharedInfrastructure.get().kafkaBootstrapServers(),
                        "--bikecast.prediction.registry.base-url=" + registry.baseUrl(),
                        "--bikecast.prediction.registry.cache-directory=" + TestModels.newCacheDirectory(),
                        "--bikecast.prediction.ingest.base-url=" + ingest.baseUrl(),
                        "--bikecast.prediction.families[0].model-name=" + FAMILY,
                        "--bikecast.prediction.families[0].series-prefix=sim-",
                        "--logging.level.root=WARN")) {
            Http http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            awaitServed(http, stations);
            String path = "/api/v1/forecast/series?prefix=sim-&hours=24";
            for (int i = 0; i < 20; i++) {
                http.get(path);
            }
            long[] nanos = new long[50];
            int bytes = 0;
            for (int i = 0; i < nanos.length; i++) {
                long started = System.nanoTime();
                Http.Response response = http.get(path);
                nanos[i] = System.nanoTime() - started;
                if (response.status() != 200 || response.body().path("series").asInt() != stations) {
                    throw new IllegalStateException("the bulk forecast failed: " + response.status());
                }
                bytes = response.text().length();
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "Bulk forecast of %d stations x 24 h (%d predictions, %.1f MB of JSON): median %.1f ms, p95 %.1f"
                            + " ms, worst %.1f ms over %d requests%n",
                    stations,
                    stations * 24,
                    bytes / 1e6,
                    nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.95)] / 1e6,
                    nanos[nanos.length - 1] / 1e6,
                    nanos.length);
            System.out.println("Rerun: MAVEN_OPTS=-Xmx3g ./mvnw -pl prediction-service test-compile exec:java"
                    + " -Dexec.mainClass=" + BulkForecastBenchmark.class.getName() + " [-Dexec.args=500]");
        } finally {
            ingest.stop();
            registry.stop();
        }
        // The shared embedded broker and database run on threads that outlive main, which exec:java would wait for.
        System.exit(0);
    }

    /** 500 boosted trees on log1p for every lead with history, the test forecaster's model without history. */
    private static Forecaster boosted() {
        Model<Regressor> model = BenchmarkBoosting.load();
        List<LeadModel> leads = new ArrayList<>();
        leads.add(TestForecasters.forecaster().withoutHistoryModel());
        for (int lead : io.bikecast.common.features.Horizons.LEADS) {
            leads.add(new LeadModel(lead, model, -0.3, 0.3));
        }
        return new Forecaster("xgboost", TargetTransform.LOG1P, leads);
    }

    private static void awaitServed(Http http, int stations) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            Http.Response response = http.get("/api/v1/forecast/series?prefix=sim-&hours=1");
            if (response.status() == 200
                    && response.body().path("series").asInt() == stations
                    && response.body()
                            .path("forecasts")
                            .get(0)
                            .path("points")
                            .get(0)
                            .path("historyUsed")
                            .asBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the family's champion and the stations' demand never came");
    }
}
