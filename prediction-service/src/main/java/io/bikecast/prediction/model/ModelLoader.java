package io.bikecast.prediction.model;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.registry.client.CachedModel;
import io.bikecast.registry.client.ModelVersion;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Turns a version whose artifact is in hand (already verified against its SHA-256 by the registry client or the disk
 * cache) into a {@link ServedModel}: refuses one built on another feature schema, reads the artifact, compiles a random
 * forest into {@link CompiledForest} and checks the compiled forest against Tribuo on the version's own reference sample
 * before trusting it.
 */
public class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    /** Rows of the reference sample on which the compiled forest must agree with Tribuo. */
    private static final int CHECKED_ROWS = 200;

    /** Relative tolerance of that check: the two only differ in the order of floating-point additions. */
    private static final double TOLERANCE = 1e-9;

    private final Clock clock;

    public ModelLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Loads a version.
     *
     * @throws ModelRefusedException if the model was trained on another feature schema ({@code FEATURE_SCHEMA}), or
     *     its artifact does not hold a regression model ({@code UNREADABLE})
     */
    public ServedModel load(CachedModel cached) {
        long started = System.nanoTime();
        ModelVersion registered = cached.version();
        String modelName = registered.modelName();
        long version = registered.version();
        if (registered.featureSchema() != FeatureSchema.VERSION) {
            throw new ModelRefusedException(
                    ModelRefusedException.Reason.FEATURE_SCHEMA,
                    modelName + " v" + version + " was trained on feature schema " + registered.featureSchema()
                            + " but this service computes schema " + FeatureSchema.VERSION
                            + "; retrain it with this release's feature path");
        }
        ReferenceSample reference = cached.reference();
        Model<Regressor> model = read(cached.artifact(), modelName, version);
        TreeEnsemblePredictor predictor = predictorFor(model, reference, modelName, version);
        ServedModel served = new ServedModel(
                modelName,
                version,
                registered.algorithm(),
                registered.artifactSha256(),
                registered.metrics(),
                predictor,
                medians(reference),
                clock.instant());
        log.info(
                "Loaded {} v{} ({}, {} members, {} engine) in {} ms",
                modelName,
                version,
                registered.algorithm(),
                predictor.members(),
                predictor.engine(),
                (System.nanoTime() - started) / 1_000_000);
        return served;
    }

    /**
     * The artifact's model. Its checksum was verified, so bytes that do not read were stored that way by the training
     * service: they are refused, not retried as if damaged on the way.
     */
    private static Model<Regressor> read(byte[] artifact, String modelName, long version) {
        try {
            return ModelArtifacts.read(artifact);
        } catch (RuntimeException e) {
            String why = e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause();
            throw new ModelRefusedException(
                    ModelRefusedException.Reason.UNREADABLE,
                    "the artifact of " + modelName + " v" + version + " has the recorded SHA-256 but does not read as"
                            + " a Tribuo regression model (" + why + "); register a model written by this release's"
                            + " model-codec",
                    e);
        }
    }

    /** The compiled forest when it reproduces Tribuo's predictions on the reference rows, else Tribuo itself. */
    static TreeEnsemblePredictor predictorFor(
            Model<Regressor> model, ReferenceSample reference, String modelName, long version) {
        Optional<CompiledForest> compiled = CompiledForest.compile(model);
        if (compiled.isEmpty()) {
            log.info("{} v{} is not a single-output tree ensemble: predicting through Tribuo", modelName, version);
            return new TribuoPredictor(model);
        }
        String[] names = FeatureSchema.featureNames();
        int rows = Math.min(reference.size(), CHECKED_ROWS);
        for (int row = 0; row < rows; row++) {
            double[] x = new double[names.length];
            for (int f = 0; f < names.length; f++) {
                x[f] = reference.values(names[f])[row];
            }
            double expected = model.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, x))
                    .getOutput()
                    .getValues()[0];
            double actual = compiled.get().predict(x).raw();
            if (Math.abs(expected - actual) > TOLERANCE * Math.max(1.0, Math.abs(expected))) {
                log.warn(
                        "The compiled form of {} v{} predicts {} where Tribuo predicts {} on reference row {}: "
                                + "predicting through Tribuo instead",
                        modelName,
                        version,
                        actual,
                        expected,
                        row);
                return new TribuoPredictor(model);
            }
        }
        return compiled.get();
    }

    private static double[] medians(ReferenceSample reference) {
        String[] names = FeatureSchema.featureNames();
        double[] medians = new double[names.length];
        for (int f = 0; f < names.length; f++) {
            medians[f] = reference.size() == 0 ? Double.NaN : reference.median(names[f]);
        }
        return medians;
    }
}
