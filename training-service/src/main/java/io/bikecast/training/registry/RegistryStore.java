package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.TargetTransform;
import io.bikecast.training.forecast.LeadScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry tables ({@code model_version}, {@code model_alias}, {@code alias_history}) as the training service
 * writes and lists them. Writes run inside the caller's transaction, after {@link #lockModel}.
 */
@Repository
public class RegistryStore {

    private static final String VIEW_COLUMNS = """
            v.model_name, v.version, v.algorithm, v.status, a.alias, v.feature_schema,
            v.hyper_parameters::text AS hyper_parameters, v.metrics::text AS metrics, v.training_start, v.training_end,
            v.holdout_start, v.holdout_end, v.served_fit_start, v.served_fit_end, v.served_fit_rows, v.dataset_version,
            v.artifact_sha256, octet_length(v.artifact) AS bytes,
            v.artifact_raw_bytes, v.run_id, v.decision::text AS decision, v.created_at, v.artifact_format,
            v.target_transform, v.candidates::text AS candidates,
            (SELECT jsonb_agg(jsonb_build_object('lead', l.lead, 'rmse', l.rmse, 'mae', l.mae, 'r2', l.r2,
                    'withinTwentyPercent', l.within_twenty_percent, 'coverage80', l.coverage80,
                    'intervalLow', l.interval_low, 'intervalHigh', l.interval_high) ORDER BY l.lead)
                FROM registry.model_version_lead l
                WHERE l.model_name = v.model_name AND l.version = v.version)::text AS leads
            FROM registry.model_version v
            LEFT JOIN registry.model_alias a ON a.model_name = v.model_name AND a.version = v.version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RegistryStore(DataSource dataSource, JsonMapper json) {
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    /** Serializes every registry change of a model until the transaction ends, across instances. */
    public void lockModel(String modelName) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('bikecast.registry:' || ?, 0))")
                .param(modelName)
                .query((rs, n) -> 1)
                .single();
    }

    public long nextVersion(String modelName) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM registry.model_version WHERE model_name = ?")
                .param(modelName)
                .query(Long.class)
                .single();
    }

    public void insert(NewVersion v) {
        jdbc.sql("""
                        INSERT INTO registry.model_version (model_name, version, algorithm, status, feature_schema,
                            hyper_parameters, metrics, training_start, training_end, holdout_start, holdout_end,
                            served_fit_start, served_fit_end, served_fit_rows, dataset_version, artifact,
                            artifact_sha256, artifact_raw_bytes, reference_sample, run_id, decision, artifact_format,
                            target_transform, candidates)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?,
                            ?::jsonb, ?, ?, ?::jsonb)""")
                .params(
                        v.modelName(),
                        v.version(),
                        v.algorithm(),
                        v.status(),
                        v.featureSchema(),
                        v.hyperParameters(),
                        json.writeValueAsString(v.metrics()),
                        v.trainingStart(),
                        v.trainingEnd(),
                        v.holdoutStart(),
                        v.holdoutEnd(),
                        v.servedFitStart(),
                        v.servedFitEnd(),
                        v.servedFitRows(),
                        v.datasetVersion(),
                        v.artifact(),
                        v.artifactSha256(),
                        v.artifactRawBytes(),
                        v.referenceSample(),
                        v.runId(),
                        v.decision(),
                        v.artifactFormat(),
                        v.targetTransform().name(),
                        v.candidates())
                .update();
        for (LeadScore lead : v.leads()) {
            jdbc.sql("""
                            INSERT INTO registry.model_version_lead (model_name, version, lead, rmse, mae, r2,
                                within_twenty_percent, coverage80, interval_low, interval_high)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            v.modelName(),
                            v.version(),
                            lead.lead(),
                            lead.metrics().rmse(),
                            lead.metrics().mae(),
                            lead.metrics().r2(),
                            lead.metrics().withinTwentyPercent(),
                            lead.coverage80(),
                            lead.intervalLow(),
                            lead.intervalHigh())
                    .update();
        }
    }

    /** The format of a version's stored artifact ({@code X-Artifact-Format}), without reading the artifact. */
    public Optional<String> artifactFormat(String modelName, long version) {
        return jdbc.sql("SELECT artifact_format FROM registry.model_version WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query(String.class)
                .optional();
    }

    public void setStatus(String modelName, long version, String status) {
        jdbc.sql("UPDATE registry.model_version SET status = ? WHERE model_name = ? AND version = ?")
                .params(status, modelName, version)
                .update();
    }

    public Optional<Long> aliasVersion(String modelName, String alias) {
        return jdbc.sql("SELECT version FROM registry.model_alias WHERE model_name = ? AND alias = ?")
                .params(modelName, alias)
                .query(Long.class)
                .optional();
    }

    /** The alias a version holds, if any. */
    public Optional<String> aliasOf(String modelName, long version) {
        return jdbc.sql("SELECT alias FROM registry.model_alias WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query(String.class)
                .optional();
    }

    public void pointAlias(String modelName, String alias, long version) {
        jdbc.sql("""
                        INSERT INTO registry.model_alias (model_name, alias, version) VALUES (?, ?, ?)
                        ON CONFLICT (model_name, alias) DO UPDATE SET version = excluded.version, updated_at = now()""").params(modelName, alias, version).update();
    }

    public void clearAlias(String modelName, String alias) {
        jdbc.sql("DELETE FROM registry.model_alias WHERE model_name = ? AND alias = ?")
                .params(modelName, alias)
                .update();
    }

    public void recordAliasChange(
            String modelName, String alias, Long version, Long previous, String source, String reason, String metrics) {
        jdbc.sql("""
                        INSERT INTO registry.alias_history
                            (model_name, alias, version, previous_version, source, reason, metrics)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(modelName, alias, version, previous, source, reason, metrics)
                .update();
    }

    public Optional<ModelVersionView> find(String modelName, long version) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " WHERE v.model_name = ? AND v.version = ?")
                .params(modelName, version)
                .query(this::view)
                .optional();
    }

    public List<ModelVersionView> list(String modelName, String status, int page, int size) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + """
                         WHERE v.model_name = :model AND (CAST(:status AS TEXT) IS NULL OR v.status = :status)
                        ORDER BY v.version DESC LIMIT :size OFFSET :offset""")
                .param("model", modelName)
                .param("status", status)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::view)
                .list();
    }

    public long count(String modelName, String status) {
        return jdbc.sql("""
                        SELECT count(*) FROM registry.model_version
                        WHERE model_name = :model AND (CAST(:status AS TEXT) IS NULL OR status = :status)""")
                .param("model", modelName)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    /** The SHA-256 (hex) recorded for a version's artifact, without reading the artifact. */
    public Optional<String> artifactSha256(String modelName, long version) {
        return jdbc.sql("SELECT artifact_sha256 FROM registry.model_version WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query(String.class)
                .optional();
    }

    /** A version's stored artifact bytes, as stored. */
    public Optional<byte[]> artifact(String modelName, long version) {
        return jdbc.sql("SELECT artifact FROM registry.model_version WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query((rs, n) -> rs.getBytes("artifact"))
                .optional();
    }

    /** The reference sample's JSON text, as stored. */
    public Optional<String> referenceSampleJson(String modelName, long version) {
        return jdbc.sql(
                        "SELECT reference_sample::text FROM registry.model_version WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query(String.class)
                .optional();
    }

    /** The version an alias pointed at at a given instant: the latest change not after it. */
    public Optional<AliasChange> aliasAt(String modelName, String alias, Instant at) {
        return jdbc.sql("""
                        SELECT * FROM registry.alias_history
                        WHERE model_name = ? AND alias = ? AND changed_at <= ?
                        ORDER BY changed_at DESC, id DESC LIMIT 1""")
                .params(modelName, alias, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(this::change)
                .optional();
    }

    public List<AliasChange> history(String modelName, String alias, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM registry.alias_history
                        WHERE model_name = :model AND (CAST(:alias AS TEXT) IS NULL OR alias = :alias)
                        ORDER BY changed_at DESC, id DESC LIMIT :size OFFSET :offset""")
                .param("model", modelName)
                .param("alias", alias)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::change)
                .list();
    }

    /**
     * The champion to return to on a rollback: the most recent earlier champion, other than the current one, that has
     * not been rejected since (a rolled-back version is rejected, so repeated rollbacks walk further back).
     */
    public Optional<Long> previousChampion(String modelName, long current) {
        return jdbc.sql("""
                        SELECT h.version FROM registry.alias_history h
                        JOIN registry.model_version v ON v.model_name = h.model_name AND v.version = h.version
                        WHERE h.model_name = ? AND h.alias = 'champion' AND h.version <> ? AND v.status <> 'rejected'
                        ORDER BY h.changed_at DESC, h.id DESC LIMIT 1""").params(modelName, current).query(Long.class).optional();
    }

    private ModelVersionView view(ResultSet rs, int row) throws SQLException {
        return new ModelVersionView(
                rs.getString("model_name"),
                rs.getLong("version"),
                rs.getString("algorithm"),
                rs.getString("status"),
                rs.getString("alias"),
                rs.getInt("feature_schema"),
                tree(rs.getString("hyper_parameters")),
                json.readValue(rs.getString("metrics"), ModelMetrics.class),
                rs.getObject("training_start", LocalDateTime.class),
                rs.getObject("training_end", LocalDateTime.class),
                rs.getObject("holdout_start", LocalDateTime.class),
                rs.getObject("holdout_end", LocalDateTime.class),
                rs.getObject("served_fit_start", LocalDateTime.class),
                rs.getObject("served_fit_end", LocalDateTime.class),
                (Integer) rs.getObject("served_fit_rows"),
                rs.getString("dataset_version"),
                rs.getString("artifact_sha256"),
                rs.getLong("bytes"),
                rs.getLong("artifact_raw_bytes"),
                rs.getObject("run_id", UUID.class),
                tree(rs.getString("decision")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("artifact_format"),
                rs.getString("target_transform"),
                tree(rs.getString("leads")),
                tree(rs.getString("candidates")));
    }

    private AliasChange change(ResultSet rs, int row) throws SQLException {
        return new AliasChange(
                rs.getLong("id"),
                rs.getString("model_name"),
                rs.getString("alias"),
                (Long) rs.getObject("version"),
                (Long) rs.getObject("previous_version"),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getString("source"),
                rs.getString("reason"),
                tree(rs.getString("metrics")));
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    /**
     * A version to register; JSON columns as text.
     *
     * @param artifactFormat what the artifact is, e.g. {@link io.bikecast.model.ForecasterArtifacts#FORMAT}
     * @param candidates every candidate the run trained and its scores, as JSON
     * @param leads each lead's holdout score and interval
     */
    public record NewVersion(
            String modelName,
            long version,
            String algorithm,
            String status,
            int featureSchema,
            String hyperParameters,
            ModelMetrics metrics,
            LocalDateTime trainingStart,
            LocalDateTime trainingEnd,
            LocalDateTime holdoutStart,
            LocalDateTime holdoutEnd,
            LocalDateTime servedFitStart,
            LocalDateTime servedFitEnd,
            int servedFitRows,
            String datasetVersion,
            byte[] artifact,
            String artifactSha256,
            long artifactRawBytes,
            String referenceSample,
            UUID runId,
            String decision,
            String artifactFormat,
            TargetTransform targetTransform,
            String candidates,
            List<LeadScore> leads) {}
}
