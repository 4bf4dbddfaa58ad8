package io.bikecast.monitoring.predictionlog;

import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.ServedBy;
import io.bikecast.monitoring.benchmark.BenchmarkRows;
import io.bikecast.monitoring.benchmark.MonitoringBenchmark;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The prediction-log part of the {@link MonitoringBenchmark}: storing predictions, and storing them again. */
public final class PredictionLogBenchmark {

    private PredictionLogBenchmark() {}

    /**
     * Stores 50,000 predictions of {@code bike-demand} (versions 1 to 3, 20,000 each but the last) in batches of 500,
     * then delivers the first 10,000 again.
     */
    public static void store(JdbcTemplate jdbc, List<HourRow> hours) {
        PredictionLogStore predictions = new PredictionLogStore(jdbc);
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
        double seconds = BenchmarkRows.inBatches(logged, predictions::storeAll);
        System.out.printf(
                "prediction log: %,d predictions in batches of 500: %.2f s, %,.0f per second%n",
                logged.size(), seconds, logged.size() / seconds);
        long start = System.nanoTime();
        int again = 0;
        for (int i = 0; i < 10_000; i += 500) {
            again += predictions.storeAll(logged.subList(i, i + 500));
        }
        System.out.printf(
                "  redelivery of 10,000 already stored: %.2f s, %d stored again%n",
                (System.nanoTime() - start) / 1e9, again);
    }
}
