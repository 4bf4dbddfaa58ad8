package io.bikecast.monitoring.benchmark;

import io.bikecast.monitoring.actuals.ActualsBenchmark;
import io.bikecast.monitoring.champion.ReferenceBenchmark;
import io.bikecast.monitoring.drift.DriftBenchmark;
import io.bikecast.monitoring.liveerror.LiveErrorBenchmark;
import io.bikecast.monitoring.predictionlog.PredictionLogBenchmark;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.testsupport.UciDataset.HourRow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the monitoring service does its heavy work, on the UCI data and an embedded PostgreSQL: a drift analysis
 * (12 features + predictions) at several window sizes, fetching a champion's reference sample from the training
 * service's registry API (played by a {@link FakeTrainingRegistry} on 127.0.0.1), storing predictions and actuals in
 * JDBC batches, reading a drift window, and computing live error over the join. Each part sits in the package of the
 * feature it measures, whose internals it calls. Not a test: run it with
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

        DriftBenchmark.analysis(rows2011, rows2012, new Random(1));
        ReferenceBenchmark.overHttp(hours.subList(0, 8760));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("monitoring")
                    .locations("classpath:db/migration/monitoring")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            PredictionLogBenchmark.store(jdbc, hours);
            ActualsBenchmark.upsert(jdbc, hours);
            DriftBenchmark.window(jdbc);
            LiveErrorBenchmark.all(dataSource, hours.size());
        }
        System.out.println("rerun: " + COMMAND);
    }
}
