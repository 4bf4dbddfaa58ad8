package io.bikecast.monitoring.champion;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.benchmark.BenchmarkRows;
import io.bikecast.monitoring.benchmark.MonitoringBenchmark;
import io.bikecast.registry.client.TrainingRegistryClient;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The champion part of the {@link MonitoringBenchmark}: the drift reference read over the registry API. */
public final class ReferenceBenchmark {

    private ReferenceBenchmark() {}

    /**
     * What a drift check pays for reading the registry over HTTP instead of its tables: the champion alias alone (the
     * sample cached), and a new champion's alias and reference sample, as large as training stores (a year of hours).
     */
    public static void overHttp(List<HourRow> rows) {
        ReferenceSample withoutHours = BenchmarkRows.reference(rows);
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
}
