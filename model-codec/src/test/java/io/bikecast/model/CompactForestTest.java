package io.bikecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.UciFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

class CompactForestTest {

    private static List<UciFeatures> rows;
    private static List<Double> counts;
    private static Model<Regressor> forest;

    @BeforeAll
    static void trainOnTheUciHours() throws IOException {
        Path csv = Path.of(System.getProperty("bikecast.uci.dir", "../../shared/data/uci-bike-sharing"), "hour.csv");
        rows = new ArrayList<>();
        counts = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, 4001)) {
            String[] c = line.split(",");
            rows.add(new UciFeatures(
                    Integer.parseInt(c[2]),
                    Integer.parseInt(c[3]),
                    Integer.parseInt(c[4]),
                    Integer.parseInt(c[5]),
                    Integer.parseInt(c[6]),
                    Integer.parseInt(c[7]),
                    Integer.parseInt(c[8]),
                    Integer.parseInt(c[9]),
                    Double.parseDouble(c[10]),
                    Double.parseDouble(c[11]),
                    Double.parseDouble(c[12]),
                    Double.parseDouble(c[13])));
            counts.add(Double.parseDouble(c[16]));
        }
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("uci-hours", factory), factory);
        for (int i = 0; i < 3000; i++) {
            dataset.add(FeatureExamples.example(rows.get(i), counts.get(i)));
        }
        CARTRegressionTrainer tree = new CARTRegressionTrainer(12, 5f, 0f, 0.99f, false, new MeanSquaredError(), 7L);
        forest = new RandomForestTrainer<>(tree, new AveragingCombiner(), 12, 7L).train(dataset);
    }

    @Test
    void predictsAsTribuoDoesOnHoursItDidNotLearn() {
        CompactForest compact = CompactForest.of(forest).orElseThrow();

        assertThat(compact.trees()).isEqualTo(12);
        for (int i = 3000; i < rows.size(); i++) {
            double tribuo = forest.predict(FeatureExamples.unlabelledExample(rows.get(i)))
                    .getOutput()
                    .getValues()[0];
            assertThat(compact.predict(vector(compact, rows.get(i))))
                    .as("hour %d", i)
                    .isCloseTo(tribuo, Offset.offset(1e-9 * Math.max(1, tribuo)));
        }
    }

    @Test
    void decodesWhatItEncodes() {
        CompactForest compact = CompactForest.of(forest).orElseThrow();

        assertThat(CompactForest.decode(compact.encode())).isEqualTo(compact);
    }

    @Test
    void aForestArtifactHasVersion2AndServesItsCompactTreesWithTheIntervals() {
        Forecaster forecaster = Forecaster.withoutHistory("random-forest", new LeadModel(0, forest, -20, 30));
        byte[] artifact = ForecasterArtifacts.write(forecaster);

        CompactForecaster compact = ForecasterArtifacts.readCompact(artifact).orElseThrow();
        Forecaster read = ForecasterArtifacts.read(artifact);

        assertThat(manifest(artifact)).contains("format-version=2");
        assertThat(entryNames(artifact)).containsExactly("forecaster.properties", "lead-0.forest", "lead-0.tribuo");
        assertThat(compact.algorithm()).isEqualTo("random-forest");
        assertThat(compact.target()).isEqualTo(TargetTransform.COUNT);
        assertThat(compact.leads()).singleElement().satisfies(lead -> {
            assertThat(lead.lead()).isZero();
            assertThat(lead.intervalLow()).isEqualTo(-20);
            assertThat(lead.intervalHigh()).isEqualTo(30);
            assertThat(lead.forest()).isEqualTo(CompactForest.of(forest).orElseThrow());
        });
        UciFeatures hour = rows.get(3500);
        assertThat(predict(read.withoutHistoryModel().model(), hour)).isEqualTo(predict(forest, hour));
    }

    @Test
    void aVersion1ForestArtifactStillReadsAndHasNoCompactTrees() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("lead-0.tribuo"));
            forest.serialize().writeTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(ForecasterArtifacts.MANIFEST));
            zip.write(("format-version=1\nalgorithm=random-forest\ntarget=COUNT\nleads=0\n"
                            + "lead.0.interval-low=NaN\nlead.0.interval-high=NaN\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] version1 = bytes.toByteArray();

        assertThat(ForecasterArtifacts.readCompact(version1)).isEmpty();
        assertThat(ForecasterArtifacts.readCompact(ModelArtifacts.write(forest)))
                .isEmpty();
        UciFeatures hour = rows.get(3100);
        assertThat(predict(
                        ForecasterArtifacts.read(version1).withoutHistoryModel().model(), hour))
                .isEqualTo(predict(forest, hour));
    }

    @Test
    void refusesTreesThatDoNotReproduceTheTribuoPredictionsStoredWithThem() {
        byte[] bytes = CompactForest.of(forest).orElseThrow().encode();
        int firstValue = valuesOffset(bytes);
        ByteBuffer.wrap(bytes).putDouble(firstValue, 1e6);

        assertThatThrownBy(() -> CompactForest.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the model's");
    }

    @Test
    void refusesALinkOutsideItsTree() {
        CompactForest compact = CompactForest.of(forest).orElseThrow();
        int[] greater = compact.greater().clone();
        greater[0] = compact.roots()[1] + 1;
        CompactForest broken = new CompactForest(
                compact.featureNames(),
                compact.roots(),
                compact.feature(),
                compact.value(),
                greater,
                compact.checkRows(),
                compact.checkPredictions());

        assertThatThrownBy(() -> CompactForest.decode(broken.encode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a pre-order tree");
    }

    @Test
    void refusesTruncatedBytesAndAnotherFormat() {
        byte[] bytes = CompactForest.of(forest).orElseThrow().encode();

        assertThatThrownBy(() -> CompactForest.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodes (for the bytes left)");
        assertThatThrownBy(() -> CompactForest.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends before");
        assertThatThrownBy(() -> CompactForest.decode("PK not a forest".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format mark");
    }

    @Test
    void anArtifactWithACorruptCompactEntryIsRefusedNamingTheEntry() throws IOException {
        byte[] artifact =
                ForecasterArtifacts.write(Forecaster.withoutHistory("random-forest", new LeadModel(0, forest, -1, 1)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(artifact));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith(".forest") ? Arrays.copyOf(content, content.length - 8) : content);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> ForecasterArtifacts.readCompact(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lead-0.forest: the compact forest ends before");
    }

    @Test
    void aSingleTreeIsNotAForestToCompact() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("ten", factory), factory);
        for (int i = 0; i < 10; i++) {
            dataset.add(FeatureExamples.example(rows.get(i), counts.get(i)));
        }

        assertThat(CompactForest.of(new CARTRegressionTrainer(4).train(dataset)))
                .isEmpty();
    }

    /** Where the node values start: after the header, the names, the roots and the feature bytes. */
    private static int valuesOffset(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.position(8);
        int features = buffer.getInt();
        for (int f = 0; f < features; f++) {
            int length = buffer.getShort() & 0xffff;
            buffer.position(buffer.position() + length);
        }
        int trees = buffer.getInt();
        buffer.position(buffer.position() + 4 * trees);
        int nodes = buffer.getInt();
        return buffer.position() + nodes;
    }

    private static double[] vector(CompactForest compact, UciFeatures hour) {
        List<String> names = Arrays.asList(FeatureEngineering.featureNames());
        double[] values = FeatureEngineering.vector(hour);
        double[] x = new double[compact.featureNames().size()];
        for (int f = 0; f < x.length; f++) {
            x[f] = values[names.indexOf(compact.featureNames().get(f))];
        }
        return x;
    }

    private static double predict(Model<Regressor> model, UciFeatures hour) {
        return model.predict(FeatureExamples.unlabelledExample(hour))
                .getOutput()
                .getValues()[0];
    }

    private static String manifest(byte[] artifact) {
        return new String(entry(artifact, ForecasterArtifacts.MANIFEST), StandardCharsets.UTF_8);
    }

    private static byte[] entry(byte[] artifact, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
            throw new AssertionError("no entry " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> entryNames(byte[] artifact) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
