package io.bikecast.training.run;

import io.bikecast.common.events.ModelMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code registry.training_run} table: the queue of requested runs and the record of every run. */
@Repository
public class TrainingRunRepository {

    private static final Logger log = LoggerFactory.getLogger(TrainingRunRepository.class);

    private static final String COLUMNS = """
            id, model_name, status, trigger, reason, requested_parameters::text AS requested_parameters,
            parameters::text AS parameters, merged_into, requested_at, started_at, finished_at, duration_ms,
            training_start, training_end, holdout_start, holdout_end, training_rows, holdout_rows, served_fit_start,
            served_fit_end, served_fit_rows, dataset_version, metrics::text AS metrics, model_version,
            decision::text AS decision, error, request_event_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TrainingRunRepository(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    /**
     * Queues a run. A request carrying an event id is stored once however often the event is delivered.
     *
     * @return the new run's id, or empty if a run for this event id exists already
     */
    public Optional<UUID> enqueue(
            String modelName, Trigger trigger, String reason, RunOverrides overrides, UUID requestEventId) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO registry.training_run
                            (id, model_name, status, trigger, reason, requested_parameters, request_event_id)
                        VALUES (?, ?, 'queued', ?, ?, ?::jsonb, ?)
                        ON CONFLICT (request_event_id) DO NOTHING""")
                .params(id, modelName, trigger.dbValue(), reason, json.writeValueAsString(overrides), requestEventId)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Claims the oldest queued run of a model: marks it running and merges every other queued request with the same
     * overrides into it. A queued run whose stored request can no longer be read (written by another version, edited
     * by hand) is marked failed with the reason and passed over, so that it cannot hold up the runs behind it. Call
     * only while holding the model's training lock, inside a transaction.
     */
    public Optional<QueuedRun> claimNext(String modelName, String worker) {
        Optional<QueuedRun> next;
        while (true) {
            Optional<StoredRequest> stored = jdbc.sql("""
                            SELECT id, trigger, reason, requested_parameters::text AS requested
                            FROM registry.training_run
                            WHERE model_name = ? AND status = 'queued'
                            ORDER BY requested_at, id
                            LIMIT 1
                            FOR UPDATE""")
                    .param(modelName)
                    .query((rs, n) -> new StoredRequest(
                            rs.getObject("id", UUID.class),
                            rs.getString("trigger"),
                            rs.getString("reason"),
                            rs.getString("requested")))
                    .optional();
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try {
                next = Optional.of(stored.get().read(modelName, json));
                break;
            } catch (RuntimeException unreadable) {
                String error = "its stored request cannot be read, so it was never run: "
                        + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
                log.warn("queued run {} of {} failed: {}", stored.get().id(), modelName, error);
                jdbc.sql("""
                                UPDATE registry.training_run
                                SET status = 'failed', finished_at = clock_timestamp(), error = ?
                                WHERE id = ?""").params(error, stored.get().id()).update();
            }
        }
        if (next.isEmpty()) {
            return next;
        }
        QueuedRun run = next.get();
        jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'running', started_at = clock_timestamp(), worker = ?
                        WHERE id = ?""").params(worker, run.id()).update();
        List<UUID> merged = jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'merged', merged_into = :run, finished_at = clock_timestamp()
                        WHERE model_name = :model AND status = 'queued' AND id <> :run
                          AND requested_parameters = (SELECT requested_parameters FROM registry.training_run
                                                      WHERE id = :run)
                        RETURNING id""")
                .param("run", run.id())
                .param("model", modelName)
                .query(UUID.class)
                .list();
        return Optional.of(run.withMerged(merged));
    }

    /** A queued run's row as stored, before it is read into a {@link QueuedRun}. */
    private record StoredRequest(UUID id, String trigger, String reason, String requested) {

        QueuedRun read(String modelName, JsonMapper json) {
            return new QueuedRun(
                    id,
                    modelName,
                    Trigger.fromDb(trigger),
                    reason,
                    json.readValue(requested, RunOverrides.class),
                    List.of());
        }
    }

    /** Runs left "running" by an instance that died: only call while holding the model's training lock. */
    public int failAbandoned(String modelName) {
        return jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'failed', finished_at = clock_timestamp(),
                            error = 'abandoned: the instance running it stopped before it finished'
                        WHERE model_name = ? AND status = 'running'""").param(modelName).update();
    }

    public boolean hasQueued(String modelName) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM registry.training_run WHERE model_name = ? AND status = 'queued')")
                .param(modelName)
                .query(Boolean.class)
                .single();
    }

    /** Records what a run is working on, as soon as it knows. */
    public void recordStart(UUID id, String parameters) {
        jdbc.sql("UPDATE registry.training_run SET parameters = ?::jsonb WHERE id = ?")
                .params(parameters, id)
                .update();
    }

    public void recordSuccess(UUID id, RunRecord record) {
        jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'succeeded', finished_at = clock_timestamp(),
                            duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint,
                            training_start = ?, training_end = ?, holdout_start = ?, holdout_end = ?,
                            training_rows = ?, holdout_rows = ?, served_fit_start = ?, served_fit_end = ?,
                            served_fit_rows = ?, dataset_version = ?, metrics = ?::jsonb,
                            model_version = ?, decision = ?::jsonb, provenance = ?::jsonb
                        WHERE id = ?""")
                .params(
                        record.trainingStart(),
                        record.trainingEnd(),
                        record.holdoutStart(),
                        record.holdoutEnd(),
                        record.trainingRows(),
                        record.holdoutRows(),
                        record.servedFit().start(),
                        record.servedFit().end(),
                        record.servedFit().rows(),
                        record.datasetVersion(),
                        json.writeValueAsString(record.metrics()),
                        record.modelVersion(),
                        record.decision(),
                        record.provenance(),
                        id)
                .update();
    }

    public void recordFailure(UUID id, String error) {
        jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'failed', finished_at = clock_timestamp(), error = ?,
                            duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint
                        WHERE id = ?""").params(error, id).update();
    }

    public Optional<TrainingRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + ", provenance::text AS provenance FROM registry.training_run WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs, true))
                .optional();
    }

    /** A page of runs, newest first, of the given statuses (all when empty). */
    public List<TrainingRun> page(String modelName, Set<String> statuses, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.training_run WHERE model_name = :model"
                        + statusFilter(statuses) + " ORDER BY requested_at DESC, id LIMIT :size OFFSET :offset")
                .param("model", modelName)
                .param("statuses", List.copyOf(statuses))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> map(rs, false))
                .list();
    }

    /** How many runs have the given statuses (all when empty). */
    public long count(String modelName, Set<String> statuses) {
        return jdbc.sql("SELECT count(*) FROM registry.training_run WHERE model_name = :model" + statusFilter(statuses))
                .param("model", modelName)
                .param("statuses", List.copyOf(statuses))
                .query(Long.class)
                .single();
    }

    private static String statusFilter(Set<String> statuses) {
        return statuses.isEmpty() ? "" : " AND status IN (:statuses)";
    }

    /** The requests merged into a run. */
    public List<UUID> mergedInto(UUID id) {
        return jdbc.sql("SELECT id FROM registry.training_run WHERE merged_into = ? ORDER BY requested_at")
                .param(id)
                .query(UUID.class)
                .list();
    }

    private TrainingRun map(ResultSet rs, boolean withProvenance) throws SQLException {
        String metrics = rs.getString("metrics");
        return new TrainingRun(
                rs.getObject("id", UUID.class),
                rs.getString("model_name"),
                rs.getString("status"),
                rs.getString("trigger"),
                rs.getString("reason"),
                tree(rs.getString("requested_parameters")),
                tree(rs.getString("parameters")),
                rs.getObject("merged_into", UUID.class),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                (Long) rs.getObject("duration_ms"),
                rs.getObject("training_start", LocalDateTime.class),
                rs.getObject("training_end", LocalDateTime.class),
                rs.getObject("holdout_start", LocalDateTime.class),
                rs.getObject("holdout_end", LocalDateTime.class),
                (Integer) rs.getObject("training_rows"),
                (Integer) rs.getObject("holdout_rows"),
                rs.getObject("served_fit_start", LocalDateTime.class),
                rs.getObject("served_fit_end", LocalDateTime.class),
                (Integer) rs.getObject("served_fit_rows"),
                rs.getString("dataset_version"),
                metrics == null ? null : json.readValue(metrics, ModelMetrics.class),
                (Long) rs.getObject("model_version"),
                tree(rs.getString("decision")),
                rs.getString("error"),
                rs.getObject("request_event_id", UUID.class),
                withProvenance ? tree(rs.getString("provenance")) : null);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A run claimed by a worker, and the requests merged into it. */
    public record QueuedRun(
            UUID id, String modelName, Trigger trigger, String reason, RunOverrides overrides, List<UUID> merged) {

        QueuedRun withMerged(List<UUID> mergedIds) {
            return new QueuedRun(id, modelName, trigger, reason, overrides, List.copyOf(mergedIds));
        }
    }

    /**
     * What a successful run stores about itself; {@code decision} and {@code provenance} are JSON text.
     *
     * @param servedFit the hours the registered (served) fit learned from
     */
    public record RunRecord(
            LocalDateTime trainingStart,
            LocalDateTime trainingEnd,
            LocalDateTime holdoutStart,
            LocalDateTime holdoutEnd,
            int trainingRows,
            int holdoutRows,
            ServedFit servedFit,
            String datasetVersion,
            ModelMetrics metrics,
            long modelVersion,
            String decision,
            String provenance) {}
}
