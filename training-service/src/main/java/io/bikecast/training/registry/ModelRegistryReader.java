package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.ModelArtifacts;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads model versions from the {@code registry} schema. Every load verifies the artifact's SHA-256 against the one
 * recorded at registration, and refuses a mismatch with {@link ArtifactIntegrityException}. Only this service reads
 * these tables; the others ask its registry API.
 */
@Component
public class ModelRegistryReader {

    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";

    /** The model name the training service registers by default ({@code bikecast.training.model-name}). */
    public static final String DEFAULT_MODEL_NAME = "bike-demand";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public ModelRegistryReader(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The version an alias points at now, if any. */
    public Optional<Long> aliasVersion(String modelName, String alias) {
        return jdbc.sql("SELECT version FROM registry.model_alias WHERE model_name = ? AND alias = ?")
                .params(modelName, alias)
                .query(Long.class)
                .optional();
    }

    /** Loads the version an alias points at, if the alias is set. */
    public Optional<RegisteredModel> loadAlias(String modelName, String alias) {
        return aliasVersion(modelName, alias).map(version -> load(modelName, version));
    }

    /**
     * Loads a version, artifact verified, as a forecaster (a single forest stored before forecasters reads as one of a
     * model without history); fails with {@link VersionNotFoundException} if it does not exist.
     */
    public RegisteredModel load(String modelName, long version) {
        StoredVersion stored = jdbc.sql("""
                        SELECT algorithm, status, feature_schema, metrics::text AS metrics, artifact, artifact_sha256,
                            artifact_format
                        FROM registry.model_version WHERE model_name = ? AND version = ?""")
                .params(modelName, version)
                .query((rs, row) -> new StoredVersion(
                        rs.getString("algorithm"),
                        rs.getString("status"),
                        rs.getInt("feature_schema"),
                        rs.getString("metrics"),
                        rs.getBytes("artifact"),
                        rs.getString("artifact_sha256"),
                        rs.getString("artifact_format")))
                .optional()
                .orElseThrow(() -> new VersionNotFoundException(modelName, version));
        String actual = ModelArtifacts.sha256(stored.artifact());
        if (!actual.equalsIgnoreCase(stored.sha256())) {
            throw new ArtifactIntegrityException(modelName, version, stored.sha256(), actual);
        }
        return new RegisteredModel(
                modelName,
                version,
                stored.algorithm(),
                stored.status(),
                stored.featureSchema(),
                stored.sha256(),
                stored.format(),
                JSON.readValue(stored.metrics(), ModelMetrics.class),
                ForecasterArtifacts.read(stored.artifact()));
    }

    /** The reference sample of a version; fails with {@link VersionNotFoundException} if it does not exist. */
    public ReferenceSample referenceSample(String modelName, long version) {
        return jdbc.sql(
                        "SELECT reference_sample::text FROM registry.model_version WHERE model_name = ? AND version = ?")
                .params(modelName, version)
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, ReferenceSample.class))
                .orElseThrow(() -> new VersionNotFoundException(modelName, version));
    }

    private record StoredVersion(
            String algorithm,
            String status,
            int featureSchema,
            String metrics,
            byte[] artifact,
            String sha256,
            String format) {}
}
