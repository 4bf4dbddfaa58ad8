package io.bikecast.monitoring.drift;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.monitoring.benchmark.BenchmarkRows;
import io.bikecast.monitoring.benchmark.MonitoringBenchmark;
import io.bikecast.monitoring.support.SettingsDefaults;
import io.bikecast.testsupport.UciDataset.HourRow;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/** The drift parts of the {@link MonitoringBenchmark}: the analysis at several window sizes, and reading a window. */
public final class DriftBenchmark {

    private static final DriftProperties SETTINGS = SettingsDefaults.of(DriftProperties.class);

    private DriftBenchmark() {}

    /** A drift analysis (12 features + predictions) of 2012 windows against a 5,000-row 2011 reference. */
    public static void analysis(List<HourRow> rows2011, List<HourRow> rows2012, Random random) {
        DriftAnalyzer analyzer = new DriftAnalyzer(SETTINGS);
        System.out.println("drift analysis, reference 5,000 rows of 2011 vs a window of 2012 rows (median of 15):");
        ReferenceSample reference = BenchmarkRows.reference(BenchmarkRows.sample(rows2011, 5000, random));
        for (int size : new int[] {300, 1000, 5000, 50000}) {
            List<HourRow> rows = BenchmarkRows.sample(rows2012, size, random);
            CurrentSample current = new CurrentSample(
                    BenchmarkRows.columns(rows),
                    rows.stream().mapToDouble(HourRow::cnt).toArray(),
                    null,
                    null,
                    null,
                    null,
                    1);
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
    }

    /** Reading the drift window of version 2 of {@code bike-demand} from a prediction log already filled. */
    public static void window(JdbcTemplate jdbc) {
        CurrentWindowReader windows = new CurrentWindowReader(jdbc, Clock.systemUTC());
        windows.read("bike-demand", 2, SETTINGS, null);
        long start = System.nanoTime();
        CurrentSample window = windows.read("bike-demand", 2, SETTINGS, null);
        System.out.printf(
                "drift window: the last %,d of 20,000 predictions of a version read in %.1f ms%n",
                window.size(), (System.nanoTime() - start) / 1e6);
    }
}
