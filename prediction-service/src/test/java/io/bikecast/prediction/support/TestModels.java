package io.bikecast.prediction.support;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Two small real forests (10 trees on 400 UCI rows each, from different seasons so their answers differ), trained
 * once per test JVM, and how to register and promote them as the training service would.
 */
public final class TestModels {

    public static final String MODEL_NAME = "bike-demand";
    public static final String CHAMPION = ModelPromoted.CHAMPION;
    public static final String CHALLENGER = ModelPromoted.CHALLENGER;
    public static final ModelMetrics METRICS = new ModelMetrics(90.0, 60.0, 0.7, 0.4);

    private static Trained first;
    private static Trained second;

    private TestModels() {}

    /** A trained forest, its stored form and its reference sample. */
    public record Trained(Model<Regressor> model, byte[] artifact, ReferenceSample sample) {

        /** What Tribuo itself predicts for the features. */
        public double predict(UciFeatures features) {
            return model.predict(FeatureExamples.unlabelledExample(features))
                    .getOutput()
                    .getValues()[0];
        }
    }

    /** Trained on the first 400 hours of 2011 (winter). */
    public static synchronized Trained first() {
        if (first == null) {
            first = train(UciDataset.hours().subList(0, 400), 1);
        }
        return first;
    }

    /** Trained on 400 hours of summer 2012. */
    public static synchronized Trained second() {
        if (second == null) {
            second = train(UciDataset.hours().subList(13_000, 13_400), 2);
        }
        return second;
    }

    private static Trained train(List<UciDataset.HourRow> rows, long seed) {
        Model<Regressor> model = TestForests.trainForest(rows, 10, seed);
        return new Trained(
                model, ModelArtifacts.write(model), TestForests.referenceSample(model, rows.subList(0, 200)));
    }

    /** Registers the model as the next version and returns the version. */
    public static long register(FakeTrainingRegistry registry, Trained trained) {
        return registry.register(trained.artifact(), trained.sample(), METRICS);
    }

    /** Registers {@link #first()} as champion. */
    public static long registerChampion(FakeTrainingRegistry registry) {
        long version = register(registry, first());
        registry.setAlias(CHAMPION, version);
        return version;
    }

    /**
     * Registers {@link #first()} as champion (v1) and {@link #second()} as challenger (v2), as a promotion would leave
     * them. The challenger's alias is set first: the service reads the champion's first, so once it sees this champion
     * it sees the challenger too, and a service that is ready serves both.
     */
    public static void registerChampionAndChallenger(FakeTrainingRegistry registry) {
        long champion = register(registry, first());
        registry.setAlias(CHALLENGER, register(registry, second()));
        registry.setAlias(CHAMPION, champion);
    }

    /** The event the training service publishes when it moves an alias, announcing the version's artifact. */
    public static ModelPromoted promoted(FakeTrainingRegistry registry, long version, String alias, Long previous) {
        return promoted(version, alias, registry.sha256(version), previous);
    }

    /** The same, announcing the given artifact checksum. */
    public static ModelPromoted promoted(long version, String alias, String artifactSha256, Long previous) {
        return ModelPromoted.of(MODEL_NAME, version, alias, artifactSha256, previous, "test", METRICS, null);
    }

    /** A new, empty cache directory under the build's {@code target}, so that {@code clean} removes it. */
    public static String newCacheDirectory() {
        try {
            Path caches = Files.createDirectories(Path.of("target", "test-model-caches"));
            return Files.createTempDirectory(caches, "prediction-cache")
                    .toAbsolutePath()
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of hour.csv by index. */
    public static UciDataset.HourRow row(int index) {
        return UciDataset.hours().get(index);
    }
}
