package io.bikecast.ingest.batch;

import io.bikecast.ingest.contract.Violation;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** {@code ingest.batch}, {@code ingest.rejection} and {@code ingest.dataset_version}. */
@Repository
class BatchStore {

    private static final int CHUNK = 10_000;

    private static final String BATCH_COLUMNS = "id, status, source, origin, mode, rows_read, rows_accepted, "
            + "rows_inserted, rows_updated, rows_unchanged, rows_rejected, dataset_version, series_ids, first_hour, "
            + "last_hour, ignored_columns, started_at, finished_at";

    private static final RowMapper<BatchReport> BATCH = (rs, i) -> new BatchReport(
            rs.getObject("id", UUID.class),
            rs.getString("status"),
            rs.getString("source"),
            rs.getString("origin"),
            rs.getString("mode"),
            rs.getInt("rows_read"),
            rs.getInt("rows_accepted"),
            rs.getInt("rows_inserted"),
            rs.getInt("rows_updated"),
            rs.getInt("rows_unchanged"),
            rs.getInt("rows_rejected"),
            rs.getString("dataset_version"),
            strings(rs, "series_ids"),
            rs.getObject("first_hour", LocalDateTime.class),
            rs.getObject("last_hour", LocalDateTime.class),
            strings(rs, "ignored_columns"),
            rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("finished_at").toInstant(),
            null);

    private static final RowMapper<DatasetVersion> VERSION = (rs, i) -> new DatasetVersion(
            rs.getString("content_hash"),
            rs.getInt("row_count"),
            rs.getObject("first_hour", LocalDateTime.class),
            rs.getObject("last_hour", LocalDateTime.class),
            strings(rs, "series_ids"),
            rs.getObject("first_batch_id", UUID.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    BatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a batch, in the caller's transaction. */
    void insert(BatchReport report) {
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement("INSERT INTO batch (" + BATCH_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            int p = 1;
            s.setObject(p++, report.batchId());
            s.setString(p++, report.status());
            s.setString(p++, report.source());
            s.setString(p++, report.origin());
            s.setString(p++, report.mode());
            s.setInt(p++, report.rowsRead());
            s.setInt(p++, report.rowsAccepted());
            s.setInt(p++, report.rowsInserted());
            s.setInt(p++, report.rowsUpdated());
            s.setInt(p++, report.rowsUnchanged());
            s.setInt(p++, report.rowsRejected());
            s.setString(p++, report.datasetVersion());
            s.setArray(p++, connection.createArrayOf("text", report.seriesIds().toArray()));
            s.setObject(p++, report.firstHour());
            s.setObject(p++, report.lastHour());
            s.setArray(
                    p++,
                    connection.createArrayOf("text", report.ignoredColumns().toArray()));
            s.setTimestamp(p++, Timestamp.from(report.startedAt()));
            s.setTimestamp(p, Timestamp.from(report.finishedAt()));
            return s;
        });
    }

    /** Stores every rejection of a batch, in the caller's transaction. */
    void insertRejections(UUID batchId, List<Violation> violations) {
        for (int from = 0; from < violations.size(); from += CHUNK) {
            int start = from;
            List<Violation> chunk = violations.subList(from, Math.min(violations.size(), from + CHUNK));
            int n = chunk.size();
            Integer[] seq = new Integer[n];
            Long[] lines = new Long[n];
            String[] columns = new String[n];
            String[] values = new String[n];
            String[] reasons = new String[n];
            for (int i = 0; i < n; i++) {
                Violation v = chunk.get(i);
                seq[i] = start + i;
                lines[i] = v.line();
                columns[i] = v.column();
                values[i] = v.value();
                reasons[i] = v.reason();
            }
            jdbc.update(connection -> {
                PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO rejection (batch_id, seq, line, column_name, value, reason)"
                                + " SELECT ?, r.seq, r.line, r.column_name, r.value, r.reason"
                                + " FROM unnest(?::int4[], ?::int8[], ?::text[], ?::text[], ?::text[])"
                                + " AS r(seq, line, column_name, value, reason)");
                s.setObject(1, batchId);
                s.setArray(2, connection.createArrayOf("int4", seq));
                s.setArray(3, connection.createArrayOf("int8", lines));
                s.setArray(4, connection.createArrayOf("text", columns));
                s.setArray(5, connection.createArrayOf("text", values));
                s.setArray(6, connection.createArrayOf("text", reasons));
                return s;
            });
        }
    }

    /** Records a dataset version unless the same content is already recorded. */
    void insertVersionIfAbsent(DatasetVersion version) {
        jdbc.update(connection -> {
            PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO dataset_version (content_hash, row_count, first_hour, last_hour, series_ids,"
                            + " first_batch_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING");
            s.setString(1, version.contentHash());
            s.setInt(2, version.rowCount());
            s.setObject(3, version.firstHour());
            s.setObject(4, version.lastHour());
            s.setArray(5, connection.createArrayOf("text", version.seriesIds().toArray()));
            s.setObject(6, version.firstBatchId());
            return s;
        });
    }

    Optional<BatchReport> find(UUID id) {
        return jdbc.query("SELECT " + BATCH_COLUMNS + " FROM batch WHERE id = ?", BATCH, id).stream()
                .findFirst();
    }

    /** Batches, newest first. */
    List<BatchReport> list(int page, int size) {
        return jdbc.query(
                "SELECT " + BATCH_COLUMNS + " FROM batch ORDER BY finished_at DESC, id LIMIT ? OFFSET ?",
                BATCH,
                size,
                (long) page * size);
    }

    RejectionPage rejections(UUID batchId, int page, int size) {
        List<Violation> items = jdbc.query(
                "SELECT line, column_name, value, reason FROM rejection WHERE batch_id = ? ORDER BY seq"
                        + " LIMIT ? OFFSET ?",
                (rs, i) -> new Violation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                batchId,
                size,
                (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM rejection WHERE batch_id = ?", Long.class, batchId);
        return new RejectionPage(page, size, total == null ? 0 : total, items);
    }

    /** Dataset versions, newest first. */
    List<DatasetVersion> versions(int page, int size) {
        return jdbc.query(
                "SELECT * FROM dataset_version ORDER BY created_at DESC, content_hash LIMIT ? OFFSET ?",
                VERSION,
                size,
                (long) page * size);
    }

    Optional<DatasetVersion> version(String contentHash) {
        return jdbc.query("SELECT * FROM dataset_version WHERE content_hash = ?", VERSION, contentHash).stream()
                .findFirst();
    }

    /** The time of the latest committed batch per series: where data freshness starts after a restart. */
    List<SeriesFreshness> lastCommittedPerSeries() {
        return jdbc.query(
                "SELECT s, max(finished_at) FROM batch, unnest(series_ids) AS s WHERE status = 'COMMITTED'"
                        + " AND rows_accepted > 0 GROUP BY s",
                (rs, i) ->
                        new SeriesFreshness(rs.getString(1), rs.getTimestamp(2).toInstant()));
    }

    /** When a series last had rows committed. */
    record SeriesFreshness(String seriesId, Instant lastCommitted) {}

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
