package io.bikecast.monitoring.actuals;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.monitoring.benchmark.BenchmarkRows;
import io.bikecast.monitoring.benchmark.MonitoringBenchmark;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The actuals part of the {@link MonitoringBenchmark}: upserting every hour of the data set. */
public final class ActualsBenchmark {

    private ActualsBenchmark() {}

    /** Upserts one actual per hour in batches of 500. */
    public static void upsert(JdbcTemplate jdbc, List<HourRow> hours) {
        ActualStore actuals = new ActualStore(jdbc);
        List<ActualObserved> observed = hours.stream()
                .map(r -> ActualObserved.of("system", r.dteday().atTime(r.hr(), 0), r.cnt(), "replay"))
                .toList();
        double seconds = BenchmarkRows.inBatches(observed, actuals::upsertAll);
        System.out.printf(
                "actuals: %,d hours upserted in batches of 500: %.2f s, %,.0f per second%n",
                observed.size(), seconds, observed.size() / seconds);
    }
}
