package io.bikecast.monitoring.liveerror;

import io.bikecast.monitoring.benchmark.MonitoringBenchmark;
import io.bikecast.monitoring.support.SettingsDefaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live-error part of the {@link MonitoringBenchmark}: every window over a filled log and actuals. */
public final class LiveErrorBenchmark {

    private LiveErrorBenchmark() {}

    /** The 24 h and 7 d windows of every version, joined in PostgreSQL. */
    public static void all(DataSource dataSource, int actuals) {
        LiveErrorService live = new LiveErrorService(
                JdbcClient.create(dataSource),
                SettingsDefaults.of(LiveErrorProperties.class),
                new LiveErrorGauges(new SimpleMeterRegistry()));
        live.all();
        long start = System.nanoTime();
        int rows = live.all().size();
        System.out.printf(
                "live error: 24 h and 7 d windows over 50,000 predictions x %,d actuals: %.1f ms" + " (%d rows)%n",
                actuals, (System.nanoTime() - start) / 1e6, rows);
    }
}
