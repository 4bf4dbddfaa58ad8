package io.bikecast.prediction.model;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.CompactForecaster;
import io.bikecast.model.CompactForest;
import io.bikecast.model.CompiledBoostedTrees;
import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.registry.client.CachedModel;
import io.bikecast.registry.client.ModelVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Turns a version whose artifact is in hand (already verified against its SHA-256 by the registry client or the disk
 * cache) into a {@link ServedModel}: refuses one built on another feature schema, reads the artifact as a forecaster
 * (a legacy single forest reads as one with only the model without history), and gives each of its models an engine:
 * a random forest compiled into {@link CompiledForest}, gradient-boosted trees into model-codec's {@code
 * CompiledBoostedTrees}, each checked against Tribuo before it is trusted, or Tribuo itself.
 */
public class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    /** Rows of the reference sample on which a compiled engine must agree with Tribuo. */
    private static final int CHECKED_ROWS = 200;

    /** A forest's tolerance, relative: the two only differ in the order of floating-point additions. */
    private static final double FOREST_TOLERANCE = 1e-9;

    /**
     * Boosting's tolerance in target space: XGBoost sums its trees in single precision, the compiled trees in double.
     * On log1p a difference of 1e-4 is 0.01 %; on the count, 0.05 of a rental.
     */
    private static final double LOG_TOLERANCE = 1e-4;

    private static final double COUNT_TOLERANCE = 0.05;

    private final Clock clock;

    public ModelLoader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Loads a version.
     *
     * @throws ModelRefusedException if the model was trained on another feature schema ({@code FEATURE_SCHEMA}), or
     *     its artifact does not hold a forecaster or a regression model ({@code UNREADABLE})
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
        String describedAs = modelName + " v" + version;
        Optional<CompactForecaster> compactForecaster = readCompact(cached.artifact(), describedAs);
        Optional<List<ServedLead>> compact = compactForecaster.flatMap(ModelLoader::compiled);
        TargetTransform target;
        List<ServedLead> leads;
        if (compact.isPresent()) {
            leads = compact.get();
            target = compactForecaster.get().target();
        } else {
            Forecaster forecaster = read(cached.artifact(), modelName, version);
            List<double[]> checks = CheckVectors.of(reference, CHECKED_ROWS);
            target = forecaster.target();
            leads = new ArrayList<>();
            for (LeadModel model : forecaster.models()) {
                LeadEngine engine = engineFor(model.model(), target, checks, describedAs + " lead " + model.lead());
                leads.add(new ServedLead(model, engine, target));
            }
        }
        ServedModel served = new ServedModel(
                modelName,
                version,
                registered.algorithm(),
                registered.artifactSha256(),
                registered.metrics(),
                target,
                leads,
                medians(reference),
                clock.instant());
        log.info(
                "Loaded {} v{} ({}, {}, leads {}, engines {}, from {}) in {} ms",
                modelName,
                version,
                registered.algorithm(),
                target,
                served.leadHours(),
                leads.stream().map(ServedLead::engine).toList(),
                compact.isPresent() ? "compact trees, protobufs not parsed" : "Tribuo protobufs",
                (System.nanoTime() - started) / 1_000_000);
        return served;
    }

    /**
     * The artifact's forests in compact form, if it has them (format version 2): read without parsing its Tribuo
     * protobufs. A compact entry that is corrupt or does not reproduce its stored Tribuo predictions refuses the
     * version, as bytes that do not read do.
     */
    private static Optional<CompactForecaster> readCompact(byte[] artifact, String describedAs) {
        try {
            return ForecasterArtifacts.readCompact(artifact);
        } catch (RuntimeException e) {
            throw new ModelRefusedException(
                    ModelRefusedException.Reason.UNREADABLE,
                    "the artifact of " + describedAs + " has the recorded SHA-256 but its compact trees do not read ("
                            + e.getMessage() + "); register a model written by this release's model-codec",
                    e);
        }
    }

    /**
     * Every lead compiled from its compact trees and checked on the Tribuo predictions stored with them; empty if a
     * lead cannot be compiled (a split on a feature this service does not compute), and the version is then read
     * through its Tribuo protobufs.
     */
    private static Optional<List<ServedLead>> compiled(CompactForecaster compact) {
        List<ServedLead> leads = new ArrayList<>();
        for (CompactForecaster.Lead lead : compact.leads()) {
            Optional<CompiledForest> forest = CompiledForest.of(lead.forest());
            if (forest.isEmpty() || !reproducesStoredPredictions(forest.get(), lead.forest())) {
                log.warn(
                        "The compact trees of lead {} do not compile for this service: reading the Tribuo models",
                        lead.lead());
                return Optional.empty();
            }
            leads.add(new ServedLead(
                    lead.lead(), lead.intervalLow(), lead.intervalHigh(), forest.get(), compact.target()));
        }
        return Optional.of(leads);
    }

    /** The compiled forest's predictions of the compact forest's check rows, as Tribuo made them at training. */
    private static boolean reproducesStoredPredictions(CompiledForest compiled, CompactForest forest) {
        int[] servingIndex = CompiledForest.servingIndices(forest);
        double[][] rows = forest.checkRows();
        for (int r = 0; r < rows.length; r++) {
            double[] x = new double[ServingVector.NAMES.length];
            for (int f = 0; f < servingIndex.length; f++) {
                if (servingIndex[f] >= 0) {
                    x[servingIndex[f]] = rows[r][f];
                }
            }
            double expected = forest.checkPredictions()[r];
            if (Math.abs(compiled.predict(x).raw() - expected) > FOREST_TOLERANCE * Math.max(1.0, Math.abs(expected))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The artifact's forecaster. Its checksum was verified, so bytes that do not read were stored that way by the
     * training service: they are refused, not retried as if damaged on the way.
     */
    private static Forecaster read(byte[] artifact, String modelName, long version) {
        try {
            return ForecasterArtifacts.read(artifact);
        } catch (RuntimeException e) {
            String why = e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause();
            throw new ModelRefusedException(
                    ModelRefusedException.Reason.UNREADABLE,
                    "the artifact of " + modelName + " v" + version + " has the recorded SHA-256 but does not read as"
                            + " a Tribuo regression model or a forecaster of them (" + why + "); register a model"
                            + " written by this release's model-codec",
                    e);
        }
    }

    /** A compiled engine when it reproduces Tribuo's predictions on the check vectors, else Tribuo itself. */
    static LeadEngine engineFor(
            Model<Regressor> model, TargetTransform target, List<double[]> checks, String describedAs) {
        Optional<CompiledForest> forest = CompiledForest.compile(model);
        if (forest.isPresent()) {
            return agrees(forest.get(), model, checks, describedAs) ? forest.get() : new TribuoPredictor(model);
        }
        Optional<CompiledBoostedTrees> boosted = CompiledBoostedTrees.compile(model, ServingVector.NAMES);
        if (boosted.isPresent()) {
            double tolerance = target == TargetTransform.LOG1P ? LOG_TOLERANCE : COUNT_TOLERANCE;
            if (boosted.get().agreesWith(model, checks, tolerance)) {
                return new CompiledBoosting(boosted.get());
            }
            log.warn("The compiled form of {} disagrees with Tribuo: predicting through Tribuo instead", describedAs);
            return new TribuoPredictor(model);
        }
        log.info("{} is neither a tree ensemble nor boosted trees: predicting through Tribuo", describedAs);
        return new TribuoPredictor(model);
    }

    private static boolean agrees(
            CompiledForest compiled, Model<Regressor> model, List<double[]> checks, String describedAs) {
        for (double[] x : checks) {
            double expected = TribuoPredictor.predict(model, x);
            double actual = compiled.predict(x).raw();
            if (Math.abs(expected - actual) > FOREST_TOLERANCE * Math.max(1.0, Math.abs(expected))) {
                log.warn(
                        "The compiled form of {} predicts {} where Tribuo predicts {}: predicting through Tribuo"
                                + " instead",
                        describedAs,
                        actual,
                        expected);
                return false;
            }
        }
        return true;
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
