package io.bikecast.testsupport;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ModelArtifacts;
import io.bikecast.common.registry.ReferenceSample;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model registry with known contents written straight into the training service's {@code registry} schema:
 * applies its migrations and registers forests as the training service would. No other service reads that schema
 * any more (prediction and monitoring use the registry API, played in their tests by {@link FakeTrainingRegistry});
 * this stays for a test that needs the tables themselves. The columns written here follow {@code
 * db/migration/registry} in common-model; the training service owns that schema and keeps this fixture in step with
 * it.
 */
public final class RegistryFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public RegistryFixture(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Applies the registry migrations, as the training service does at start-up. */
    public RegistryFixture migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("registry")
                .defaultSchema("registry")
                .locations("classpath:db/migration/registry")
                .load()
                .migrate();
        return this;
    }

    /** A small random forest (depth 8) trained on the given rows of {@code hour.csv}; see {@link TestForests}. */
    public static Model<Regressor> trainForest(List<UciDataset.HourRow> rows, int trees, long seed) {
        return TestForests.trainForest(rows, trees, seed);
    }

    /** A reference sample of the given rows, with the model's predictions for them; see {@link TestForests}. */
    public static ReferenceSample referenceSample(Model<Regressor> model, List<UciDataset.HourRow> rows) {
        return TestForests.referenceSample(model, rows);
    }

    /** Registers a model as the next version of {@code modelName} with the given status, and returns the version. */
    public long register(
            String modelName, Model<Regressor> model, ReferenceSample sample, ModelMetrics metrics, String status) {
        byte[] artifact = ModelArtifacts.write(model);
        long version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM registry.model_version WHERE model_name = ?")
                .param(modelName)
                .query(Long.class)
                .single();
        LocalDateTime start = LocalDateTime.of(2011, 1, 1, 0, 0);
        jdbc.sql("""
                        INSERT INTO registry.model_version (model_name, version, algorithm, status, feature_schema,
                            hyper_parameters, metrics, training_start, training_end, holdout_start, holdout_end,
                            dataset_version, artifact, artifact_sha256, artifact_raw_bytes, reference_sample)
                        VALUES (?, ?, 'random-forest', ?, ?, '{}'::jsonb, ?::jsonb, ?, ?, ?, ?, 'fixture', ?, ?, ?,
                            ?::jsonb)""")
                .params(
                        modelName,
                        version,
                        status,
                        FeatureSchema.VERSION,
                        JSON.writeValueAsString(metrics),
                        start,
                        start.plusMonths(10),
                        start.plusMonths(10),
                        start.plusMonths(12),
                        artifact,
                        ModelArtifacts.sha256(artifact),
                        artifact.length,
                        JSON.writeValueAsString(sample))
                .update();
        return version;
    }

    /**
     * Points an alias ({@code champion} or {@code challenger}) at a version and records the move in the alias history,
     * as the training service does. A version holds at most one alias (the schema enforces it): if the version held
     * the other alias, that alias is cleared.
     */
    public void setAlias(String modelName, String alias, long version) {
        jdbc.sql("DELETE FROM registry.model_alias WHERE model_name = ? AND version = ? AND alias <> ?")
                .params(modelName, version, alias)
                .update();
        Long previous = jdbc.sql("SELECT version FROM registry.model_alias WHERE model_name = ? AND alias = ?")
                .params(modelName, alias)
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        INSERT INTO registry.model_alias (model_name, alias, version) VALUES (?, ?, ?)
                        ON CONFLICT (model_name, alias) DO UPDATE SET version = excluded.version, updated_at = now()""").params(modelName, alias, version).update();
        jdbc.sql("""
                        INSERT INTO registry.alias_history (model_name, alias, version, previous_version, source, reason)
                        VALUES (?, ?, ?, ?, 'api', 'set by RegistryFixture')""").params(modelName, alias, version, previous).update();
    }
}
