package io.bikecast.monitoring.champion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The champion per model in {@code monitoring.champion_state}: this service's own record of it. What the registry says
 * about a version comes from the training service's API ({@link ChampionRegistry}), never from its tables.
 */
@Repository
class ChampionStore {

    private final JdbcClient jdbc;

    ChampionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServedChampion> find(String modelName) {
        return jdbc.sql("""
                        SELECT model_name, version, holdout_rmse, trained_through, received_clock, received_at
                        FROM monitoring.champion_state WHERE model_name = ?""").param(modelName).query(ChampionStore::row).optional();
    }

    void save(ServedChampion champion) {
        jdbc.sql("""
                        INSERT INTO monitoring.champion_state (model_name, version, holdout_rmse, trained_through,
                            received_clock, received_at)
                        VALUES (:model, :version, :rmse, :trainedThrough, :receivedClock, :receivedAt)
                        ON CONFLICT (model_name) DO UPDATE SET version = excluded.version,
                            holdout_rmse = excluded.holdout_rmse, trained_through = excluded.trained_through,
                            received_clock = excluded.received_clock, received_at = excluded.received_at""")
                .param("model", champion.modelName())
                .param("version", champion.version())
                .param("rmse", champion.holdoutRmse())
                .param("trainedThrough", timestamp(champion.trainedThrough()))
                .param("receivedClock", timestamp(champion.receivedClock()))
                .param("receivedAt", OffsetDateTime.ofInstant(champion.receivedAt(), ZoneOffset.UTC))
                .update();
    }

    private static ServedChampion row(ResultSet rs, int rowNum) throws SQLException {
        double rmse = rs.getDouble("holdout_rmse");
        boolean noRmse = rs.wasNull();
        return new ServedChampion(
                rs.getString("model_name"),
                rs.getLong("version"),
                noRmse ? null : rmse,
                local(rs.getTimestamp("trained_through")),
                local(rs.getTimestamp("received_clock")),
                rs.getObject("received_at", OffsetDateTime.class).toInstant());
    }

    private static LocalDateTime local(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private static Timestamp timestamp(LocalDateTime hour) {
        return hour == null ? null : Timestamp.valueOf(hour);
    }
}
