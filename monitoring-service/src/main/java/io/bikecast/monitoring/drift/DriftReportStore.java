package io.bikecast.monitoring.drift;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drift reports in {@code monitoring.drift_report}: the searchable facts as columns, the whole report as JSON.
 */
@Repository
class DriftReportStore {

    private static final String SUMMARY_COLUMNS = "id, created_at, trigger, model_name, model_version, verdict, "
            + "detail, reference_size, current_size, (body ->> 'seriesCount')::int AS series_count, drift_share, "
            + "drifted_features";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DriftReportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(DriftReport report) {
        DriftReport.Window window = report.window();
        jdbc.sql("""
                        INSERT INTO monitoring.drift_report (id, created_at, trigger, model_name, model_version, verdict,
                            detail, reference_size, current_size, window_first_hour, window_last_hour, window_from,
                            window_to, drift_share, drifted_features, body, clock_time)
                        VALUES (:id, :createdAt, :trigger, :modelName, :modelVersion, :verdict, :detail, :referenceSize,
                            :currentSize, :firstHour, :lastHour, :from, :to, :driftShare, :drifted, :body::jsonb,
                            :clockTime)""")
                .param("id", report.id())
                .param("clockTime", timestamp(report.clockTime()))
                .param("createdAt", OffsetDateTime.ofInstant(report.createdAt(), ZoneOffset.UTC))
                .param("trigger", report.trigger().name())
                .param("modelName", report.modelName())
                .param("modelVersion", report.modelVersion())
                .param("verdict", report.verdict().name())
                .param("detail", report.detail())
                .param("referenceSize", report.referenceSize())
                .param("currentSize", report.currentSize())
                .param("firstHour", timestamp(window == null ? null : window.firstHour()))
                .param("lastHour", timestamp(window == null ? null : window.lastHour()))
                .param(
                        "from",
                        window == null || window.from() == null
                                ? null
                                : OffsetDateTime.ofInstant(window.from(), ZoneOffset.UTC))
                .param(
                        "to",
                        window == null || window.to() == null
                                ? null
                                : OffsetDateTime.ofInstant(window.to(), ZoneOffset.UTC))
                .param("driftShare", report.driftShare())
                .param("drifted", report.driftedFeatures().toArray(String[]::new))
                .param("body", json.writeValueAsString(report))
                .update();
    }

    /** The report with this id. */
    DriftReport get(UUID id) {
        return jdbc.sql("SELECT body::text FROM monitoring.drift_report WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(body -> json.readValue(body, DriftReport.class))
                .orElseThrow(() -> DriftReportNotFoundException.noReport(id));
    }

    /** The report of the model's latest check. */
    DriftReport latest(String modelName) {
        return jdbc.sql("""
                        SELECT body::text FROM monitoring.drift_report WHERE model_name = ?
                        ORDER BY created_at DESC, id LIMIT 1""")
                .param(modelName)
                .query(String.class)
                .optional()
                .map(body -> json.readValue(body, DriftReport.class))
                .orElseThrow(() -> DriftReportNotFoundException.noCheckYet(modelName));
    }

    /** A page of summaries, newest first: of one model's checks, or of every model's when it is null. */
    List<DriftReportSummary> page(String modelName, int page, int size) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM monitoring.drift_report"
                        + (modelName == null ? "" : " WHERE model_name = :model")
                        + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .params(paging(modelName, page, size))
                .query(DriftReportStore::summary)
                .list();
    }

    /**
     * The clock time of the model's latest scheduled check, if one ran: where the data clock's next one is due from.
     */
    Optional<LocalDateTime> lastScheduledClockTime(String modelName) {
        return jdbc.sql("""
                        SELECT clock_time FROM monitoring.drift_report
                        WHERE trigger = 'SCHEDULE' AND model_name = ? AND clock_time IS NOT NULL
                        ORDER BY clock_time DESC LIMIT 1""").param(modelName).query(Timestamp.class).optional().map(Timestamp::toLocalDateTime);
    }

    /** How many reports there are: of one model, or of every model when it is null. */
    long count(String modelName) {
        return modelName == null
                ? jdbc.sql("SELECT count(*) FROM monitoring.drift_report")
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT count(*) FROM monitoring.drift_report WHERE model_name = ?")
                        .param(modelName)
                        .query(Long.class)
                        .single();
    }

    private static Map<String, Object> paging(String modelName, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("model", modelName);
        params.put("size", size);
        params.put("offset", (long) page * size);
        return params;
    }

    private static DriftReportSummary summary(ResultSet rs, int rowNum) throws SQLException {
        Array drifted = rs.getArray("drifted_features");
        long version = rs.getLong("model_version");
        boolean noVersion = rs.wasNull();
        int series = rs.getInt("series_count");
        boolean noSeries = rs.wasNull();
        double share = rs.getDouble("drift_share");
        boolean noShare = rs.wasNull();
        return new DriftReportSummary(
                rs.getObject("id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                DriftReport.Trigger.valueOf(rs.getString("trigger")),
                rs.getString("model_name"),
                noVersion ? null : version,
                DriftVerdict.valueOf(rs.getString("verdict")),
                rs.getString("detail"),
                rs.getInt("reference_size"),
                rs.getInt("current_size"),
                noSeries ? null : series,
                noShare ? null : share,
                drifted == null ? List.of() : Arrays.asList((String[]) drifted.getArray()));
    }

    private static Timestamp timestamp(LocalDateTime hour) {
        return hour == null ? null : Timestamp.valueOf(hour);
    }
}
