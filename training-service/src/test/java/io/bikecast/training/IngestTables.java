package io.bikecast.training;

import io.bikecast.common.series.SeriesId;
import io.bikecast.testsupport.UciDataset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ingest service's {@code ingest.observation} table in a test database: created by the ingest service's own
 * migrations (from its jar), filled with UCI rows as the ingest service would store them.
 */
final class IngestTables {

    private IngestTables() {}

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("ingest")
                .defaultSchema("ingest")
                .locations("classpath:db/migration/ingest")
                .load()
                .migrate();
    }

    /** Inserts the UCI hours of days {@code from} (inclusive) to {@code to} (exclusive); returns how many. */
    static int insert(DataSource dataSource, LocalDate from, LocalDate to) {
        return insertHours(dataSource, from.atStartOfDay(), to.atStartOfDay());
    }

    /** Inserts the UCI hours from {@code from} (inclusive) to {@code to} (exclusive); returns how many. */
    static int insertHours(DataSource dataSource, LocalDateTime from, LocalDateTime to) {
        List<UciDataset.HourRow> rows = UciDataset.hours().stream()
                .filter(row -> {
                    LocalDateTime hour = row.dteday().atTime(row.hr(), 0);
                    return !hour.isBefore(from) && hour.isBefore(to);
                })
                .toList();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO ingest.observation (series_id, hour, season, yr, mnth, hr, holiday, weekday,
                            workingday, weathersit, temp, atemp, hum, windspeed, casual, registered, cnt, batch_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            UUID batch = UUID.randomUUID();
            for (UciDataset.HourRow row : rows) {
                int i = 1;
                insert.setString(i++, SeriesId.SYSTEM.value());
                insert.setTimestamp(i++, Timestamp.valueOf(row.dteday().atTime(row.hr(), 0)));
                insert.setInt(i++, row.season());
                insert.setInt(i++, row.yr());
                insert.setInt(i++, row.mnth());
                insert.setInt(i++, row.hr());
                insert.setInt(i++, row.holiday());
                insert.setInt(i++, row.weekday());
                insert.setInt(i++, row.workingday());
                insert.setInt(i++, row.weathersit());
                insert.setDouble(i++, row.temp());
                insert.setDouble(i++, row.atemp());
                insert.setDouble(i++, row.hum());
                insert.setDouble(i++, row.windspeed());
                insert.setInt(i++, row.casual());
                insert.setInt(i++, row.registered());
                insert.setInt(i++, row.cnt());
                insert.setObject(i, batch);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert observations", e);
        }
        return rows.size();
    }
}
