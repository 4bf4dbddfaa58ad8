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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code registry.training_run} table: the queue of requested runs and the record of every run. */
@Repository
class TrainingRunRepository {

    private static final String COLUMNS = """
            id, model_name, status, trigger, reason, requested_parameters::text AS requested_parameters,
            parameters::text AS parameters, merged_into, requested_at, started_at, finished_at, duration_ms,
            training_start, training_end, holdout_start, holdout_end, training_rows, holdout_rows, served_fit_start,
            served_fit_end, served_fit_rows, dataset_version, metrics::text AS metrics, model_version,
            decision::text AS decision, error, request_event_id, candidates::text AS candidates""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TrainingRunRepository(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    /**
     * Queues a run. A request carrying an event id is stored once however often the event is delivered.
     *
     * @return the new run's id, or empty if a run for this event id exists already
     */
    Optional<UUID> enqueue(
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
     * Records what a run is working on, as soon as it knows; guarded as {@link #recordSuccess}.
     *
     * @return false if the run is no longer its claimant's
     */
    boolean recordStart(ClaimedRun run, String parameters) {
        return jdbc.sql("""
                        UPDATE registry.training_run SET parameters = ?::jsonb
                        WHERE id = ? AND lease_owner = ? AND status = 'running'""").params(parameters, run.id(), run.owner()).update() == 1;
    }

    /**
     * The final update of a run that succeeded, guarded: only the instance that holds the run may make it, and only
     * while it is running.
     *
     * @return false if another instance took the run over: the caller must record nothing of its own
     */
    boolean recordSuccess(ClaimedRun run, RunRecord record) {
        return jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'succeeded', finished_at = clock_timestamp(),
                            duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint,
                            training_start = ?, training_end = ?, holdout_start = ?, holdout_end = ?,
                            training_rows = ?, holdout_rows = ?, served_fit_start = ?, served_fit_end = ?,
                            served_fit_rows = ?, dataset_version = ?, metrics = ?::jsonb,
                            model_version = ?, decision = ?::jsonb, provenance = ?::jsonb, candidates = ?::jsonb
                        WHERE id = ? AND lease_owner = ? AND status = 'running'""")
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
                                record.candidates(),
                                run.id(),
                                run.owner())
                        .update()
                == 1;
    }

    /**
     * The final update of a run that failed, guarded as {@link #recordSuccess}.
     *
     * @return false if another instance took the run over
     */
    boolean recordFailure(ClaimedRun run, String error) {
        return jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'failed', finished_at = clock_timestamp(), error = ?,
                            duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint
                        WHERE id = ? AND lease_owner = ? AND status = 'running'""").params(error, run.id(), run.owner()).update() == 1;
    }

    /** Fails a running run whose lease expired too often, whoever held it last. */
    void recordAbandoned(UUID id, String error) {
        jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'failed', finished_at = clock_timestamp(), error = ?,
                            duration_ms = (extract(epoch FROM clock_timestamp() - started_at) * 1000)::bigint
                        WHERE id = ? AND status = 'running'""").params(error, id).update();
    }

    Optional<TrainingRun> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + ", provenance::text AS provenance FROM registry.training_run WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs, true))
                .optional();
    }

    /** A page of runs, newest first, of the given statuses (all when empty). */
    List<TrainingRun> page(String modelName, Set<String> statuses, int page, int size) {
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
    long count(String modelName, Set<String> statuses) {
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
    List<UUID> mergedInto(UUID id) {
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
                tree(rs.getString("candidates")),
                withProvenance ? tree(rs.getString("provenance")) : null);
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * What a successful run stores about itself; {@code decision}, {@code provenance} and {@code candidates} are JSON
     * text.
     *
     * @param servedFit the hours the registered (served) fit learned from
     */
    record RunRecord(
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
            String provenance,
            String candidates) {

        static RunRecord of(TrainedModel trained, long modelVersion, String decision, String candidates) {
            return new RunRecord(
                    trained.split().trainingStart(),
                    trained.split().trainingEnd(),
                    trained.split().holdoutStart(),
                    trained.split().holdoutEnd(),
                    trained.split().training().size(),
                    trained.split().holdout().size(),
                    trained.servedFit(),
                    trained.datasetVersion(),
                    trained.metrics(),
                    modelVersion,
                    decision,
                    trained.provenance(),
                    candidates);
        }
    }
}
