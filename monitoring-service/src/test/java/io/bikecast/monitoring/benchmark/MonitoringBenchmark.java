package io.bikecast.monitoring.benchmark;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.champion.ChampionRegistry;
import io.bikecast.monitoring.config.MonitoringDefaults;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.CurrentSample;
import io.bikecast.monitoring.drift.CurrentWindowReader;
import io.bikecast.monitoring.drift.DriftAnalyzer;
import io.bikecast.monitoring.drift.ReferenceProvider;
import io.bikecast.monitoring.liveerror.ActualStore;
import io.bikecast.monitoring.liveerror.LiveErrorService;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import io.bikecast.monitoring.predictionlog.PredictionLogStore;
import io.bikecast.registry.client.TrainingRegistryClient;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the monitoring service does its heavy work, on the UCI data and an embedded PostgreSQL: a drift analysis
 * (12 features + predictions) at several window sizes, fetching a champion's reference sample from the training
 * service's registry API (played by a {@link FakeTrainingRegistry} on 127.0.0.1), storing predictions and actuals in
 * JDBC batches, reading a drift window, and computing live error over the join. Not a test: run it with
 *
 * <pre>
 * ./mvnw -B -q -pl monitoring-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.bikecast.monitoring.benchmark.MonitoringBenchmark
 * </pre>
 */
public final class MonitoringBenchmark {

    private static final String COMMAND = "./mvnw -B -q -pl monitoring-service test-compile exec:java"
            + " -Dexec.classpathScope=test -Dexec.mainClass=io.bikecast.monitoring.benchmark.MonitoringBenchmark";

    private MonitoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<HourRow> hours = UciDataset.hours();
        List<HourRow> rows2011 = hours.stream().filter(r -> r.yr() == 0).toList();
        List<HourRow> rows2012 = hours.stream().filter(r -> r.yr() == 1).toList();
        Random random = new Random(1);
        MonitoringProperties properties = MonitoringDefaults.properties();
        DriftAnalyzer analyzer = new DriftAnalyzer(properties.drift());

        System.out.println("drift analysis, reference 5,000 rows of 2011 vs a window of 2012 rows (median of 15):");
        ReferenceSample reference = reference(sample(rows2011, 5000, random));
        for (int size : new int[] {300, 1000, 5000, 50000}) {
            CurrentSample current = current(sample(rows2012, size, random));
            long[] nanos = new long[15];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                analyzer.analyze(reference, current);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            DriftAnalyzer.Analysis analysis = analyzer.analyze(reference, current);
            System.out.printf(
                    "  window %,6d: %7.1f ms  (%s)%n", size, nanos[nanos.length / 2] / 1e6, analysis.detail());
        }

        referenceOverHttp(hours.subList(0, 8760));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("monitoring")
                    .locations("classpath:db/migration/monitoring")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            PredictionLogStore predictions = new PredictionLogStore(jdbc);
            ActualStore actuals = new ActualStore(jdbc);

            List<PredictionLogged> logged = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                HourRow row = hours.get(i % hours.size());
                LocalDateTime hour = row.dteday().atTime(row.hr(), 0);
                logged.add(PredictionLogged.of(
                        UUID.randomUUID(),
                        "system",
                        hour,
                        row.features(),
                        row.cnt() * 1.1,
                        Math.round(row.cnt() * 1.1),
                        "bike-demand",
                        1 + i / 20_000,
                        ServedBy.CHAMPION,
                        false,
                        Instant.now()));
            }
            long start = System.nanoTime();
            for (int i = 0; i < logged.size(); i += 500) {
                predictions.storeAll(logged.subList(i, Math.min(logged.size(), i + 500)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "prediction log: %,d predictions in batches of 500: %.2f s, %,.0f per second%n",
                    logged.size(), seconds, logged.size() / seconds);
            start = System.nanoTime();
            int again = 0;
            for (int i = 0; i < 10_000; i += 500) {
                again += predictions.storeAll(logged.subList(i, i + 500));
            }
            System.out.printf(
                    "  redelivery of 10,000 already stored: %.2f s, %d stored again%n",
                    (System.nanoTime() - start) / 1e9, again);

            List<ActualObserved> observed = hours.stream()
                    .map(r -> ActualObserved.of("system", r.dteday().atTime(r.hr(), 0), r.cnt(), "replay"))
                    .toList();
            start = System.nanoTime();
            for (int i = 0; i < observed.size(); i += 500) {
                actuals.upsertAll(observed.subList(i, Math.min(observed.size(), i + 500)));
            }
            seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "actuals: %,d hours upserted in batches of 500: %.2f s, %,.0f per second%n",
                    observed.size(), seconds, observed.size() / seconds);

            CurrentWindowReader windows = new CurrentWindowReader(jdbc);
            windows.read("bike-demand", 2, properties.drift(), null);
            start = System.nanoTime();
            CurrentSample window = windows.read("bike-demand", 2, properties.drift(), null);
            System.out.printf(
                    "drift window: the last %,d of 20,000 predictions of a version read in %.1f ms%n",
                    window.size(), (System.nanoTime() - start) / 1e6);

            LiveErrorService live = new LiveErrorService(
                    JdbcClient.create(dataSource), properties, new MonitoringMetrics(new SimpleMeterRegistry()));
            live.all();
            start = System.nanoTime();
            int rows = live.all().size();
            System.out.printf(
                    "live error: 24 h and 7 d windows over 50,000 predictions x %,d actuals: %.1f ms" + " (%d rows)%n",
                    observed.size(), (System.nanoTime() - start) / 1e6, rows);
        }
        System.out.println("rerun: " + COMMAND);
    }

    /**
     * What a drift check pays for reading the registry over HTTP instead of its tables: the champion alias alone (the
     * sample cached), and a new champion's alias and reference sample, as large as training stores (a year of hours).
     */
    private static void referenceOverHttp(List<HourRow> rows) {
        ReferenceSample withoutHours = reference(rows);
        ReferenceSample sample = new ReferenceSample(
                withoutHours.features(),
                withoutHours.predictions(),
                rows.stream().map(r -> r.dteday().atTime(r.hr(), 0)).toList());
        try (FakeTrainingRegistry training = FakeTrainingRegistry.start("bike-demand")) {
            // Monitoring never downloads the artifact: any bytes will do.
            long version = training.register(
                    "not read by monitoring".getBytes(StandardCharsets.UTF_8),
                    sample,
                    new ModelMetrics(73.7, 48.1, 0.885, 0.41));
            training.setAlias("champion", version);
            ChampionRegistry registry = new ChampionRegistry(TrainingRegistryClient.create(
                    URI.create(training.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(30)));
            long[] fetched = new long[15];
            long[] cached = new long[15];
            for (int i = 0; i < fetched.length; i++) {
                ReferenceProvider references = new ReferenceProvider(registry, Clock.systemUTC());
                long start = System.nanoTime();
                references.champion("bike-demand").orElseThrow();
                fetched[i] = System.nanoTime() - start;
                start = System.nanoTime();
                references.champion("bike-demand").orElseThrow();
                cached[i] = System.nanoTime() - start;
            }
            Arrays.sort(fetched);
            Arrays.sort(cached);
            System.out.printf(
                    "drift reference over the registry API (median of 15): a new champion's %,d-row sample %.1f ms,"
                            + " the alias alone (sample cached) %.2f ms%n",
                    sample.size(), fetched[fetched.length / 2] / 1e6, cached[cached.length / 2] / 1e6);
        }
    }

    private static List<HourRow> sample(List<HourRow> rows, int size, Random random) {
        List<HourRow> sample = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sample.add(rows.get(random.nextInt(rows.size())));
        }
        return sample;
    }

    private static ReferenceSample reference(List<HourRow> rows) {
        return new ReferenceSample(
                columns(rows), rows.stream().mapToDouble(HourRow::cnt).toArray());
    }

    private static CurrentSample current(List<HourRow> rows) {
        return new CurrentSample(
                columns(rows), rows.stream().mapToDouble(HourRow::cnt).toArray(), null, null, null, null);
    }

    private static Map<String, double[]> columns(List<HourRow> rows) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        String[] names = FeatureSchema.featureNames();
        for (int f = 0; f < names.length; f++) {
            int feature = f;
            columns.put(
                    names[f],
                    rows.stream()
                            .mapToDouble(r -> r.features().toVector()[feature])
                            .toArray());
        }
        return columns;
    }
}
