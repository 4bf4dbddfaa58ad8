package io.bikecast.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V8 on a database that already holds alerts (real PostgreSQL): the alerts stored before are numbered in
 * the order they were listed (raising time, then id), and an alert stored after them follows, even one that ties on
 * the raising time, so the newest-first order of the listing is the order they were stored in.
 */
class AlertSequenceMigrationTest {

    private static final Instant HOUR = Instant.parse("2012-09-01T04:00:00Z");
    private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HIGH = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
    private static final UUID EARLIER = UUID.fromString("88888888-0000-0000-0000-000000000001");
    private static final UUID AFTER = UUID.fromString("44444444-0000-0000-0000-000000000001");

    @Test
    void alertsStoredBeforeAreNumberedByRaisingThenIdAndNewOnesFollow() {
        DataSource dataSource = database();
        migrate(dataSource, "7");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        insertV7(jdbc, HIGH, HOUR);
        insertV7(jdbc, LOW, HOUR);
        insertV7(jdbc, EARLIER, HOUR.minusSeconds(3600));

        migrate(dataSource, "latest");
        assertThat(jdbc.queryForList("SELECT id FROM monitoring.alert ORDER BY seq", UUID.class))
                .containsExactly(EARLIER, LOW, HIGH);

        // Stored later in the same hour, with an id that sorts between the others: it is the newest all the same.
        jdbc.update(
                "INSERT INTO monitoring.alert (id, kind, alert_key, severity, title, summary, fields, first_raised_at,"
                        + " last_raised_at, model_name, state) VALUES (?, 'DRIFT_DETECTED', 'k', 'WARNING', 't', 's',"
                        + " '[]'::jsonb, ?, ?, 'bike-demand', 'OPEN')",
                AFTER,
                Timestamp.from(HOUR),
                Timestamp.from(HOUR));
        assertThat(jdbc.queryForList(
                        "SELECT id FROM monitoring.alert ORDER BY first_raised_at DESC, seq DESC", UUID.class))
                .containsExactly(AFTER, HIGH, LOW, EARLIER);
    }

    private static void insertV7(JdbcTemplate jdbc, UUID id, Instant raised) {
        jdbc.update(
                "INSERT INTO monitoring.alert (id, kind, alert_key, severity, title, summary, fields, first_raised_at,"
                        + " last_raised_at, model_name, state) VALUES (?, 'DRIFT_DETECTED', ?, 'WARNING', 't', 's',"
                        + " '[]'::jsonb, ?, ?, 'bike-demand', 'OPEN')",
                id,
                id.toString(),
                Timestamp.from(raised),
                Timestamp.from(raised));
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("monitoring")
                .locations("classpath:db/migration/monitoring")
                .target(target)
                .load()
                .migrate();
    }

    private static DataSource database() {
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        return new DriverManagerDataSource(
                infrastructure.jdbcUrl(SharedInfrastructure.createDatabase()),
                infrastructure.username(),
                infrastructure.password());
    }
}
