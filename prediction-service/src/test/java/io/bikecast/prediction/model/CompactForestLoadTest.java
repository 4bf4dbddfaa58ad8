package io.bikecast.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.LeadModel;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.registry.client.CachedModel;
import io.bikecast.registry.client.ModelVersion;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A forest artifact of format version 2 is served from its compact trees, as Tribuo predicts; one whose compact trees
 * were altered is refused; a version 1 (legacy) artifact is still served through its protobuf.
 */
class CompactForestLoadTest {

    private static final Model<Regressor> FOREST =
            TestForests.trainForest(UciDataset.hours().subList(0, 3000), 10, 3L);

    @Test
    void servesAVersion2ArtifactFromItsCompactTreesAsTribuoPredicts() {
        byte[] artifact = ForecasterArtifacts.write(
                Forecaster.withoutHistory("random-forest", new LeadModel(0, FOREST, Double.NaN, Double.NaN)));

        ServedModel served = new ModelLoader(Clock.systemUTC()).load(cached(artifact));

        assertThat(served.withoutHistory().engine()).isEqualTo("compiled");
        assertThat(served.withoutHistory().members()).isEqualTo(10);
        for (UciDataset.HourRow row : UciDataset.hours().subList(5000, 5200)) {
            UciFeatures features = row.features();
            assertThat(served.withoutHistory()
                            .predict(ServingVector.of(features, null))
                            .raw())
                    .isCloseTo(TestForests.predict(FOREST, features), within(1e-9));
        }
    }

    @Test
    void refusesAVersion2ArtifactWhoseCompactTreesWereAltered() throws IOException {
        byte[] artifact = ForecasterArtifacts.write(
                Forecaster.withoutHistory("random-forest", new LeadModel(0, FOREST, Double.NaN, Double.NaN)));
        ByteArrayOutputStream altered = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(artifact));
                ZipOutputStream out = new ZipOutputStream(altered)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(".forest")) {
                    // The exponent of the last check row's stored prediction: the trees no longer reproduce it.
                    content[content.length - 8] ^= 0x40;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> new ModelLoader(Clock.systemUTC()).load(cached(altered.toByteArray())))
                .isInstanceOfSatisfying(
                        ModelRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelRefusedException.Reason.UNREADABLE))
                .hasMessageContaining("compact trees do not read")
                .hasMessageContaining("not the model's");
    }

    @Test
    void stillServesALegacyArtifactThroughItsProtobuf() {
        ServedModel served = new ModelLoader(Clock.systemUTC()).load(cached(ModelArtifacts.write(FOREST)));

        assertThat(served.withoutHistory().engine()).isEqualTo("compiled");
        UciFeatures features = UciDataset.hours().get(6000).features();
        assertThat(served.withoutHistory()
                        .predict(ServingVector.of(features, null))
                        .raw())
                .isCloseTo(TestForests.predict(FOREST, features), within(1e-9));
    }

    private static CachedModel cached(byte[] artifact) {
        ModelVersion version = new ModelVersion(
                "bike-demand",
                1,
                "random-forest",
                "CHAMPION",
                null,
                FeatureSchema.VERSION,
                new ModelMetrics(70, 45, 0.88, 0.4),
                ModelArtifacts.sha256(artifact),
                artifact.length,
                null);
        return new CachedModel(
                version, TestForests.referenceSample(FOREST, UciDataset.hours().subList(0, 300)), artifact);
    }
}
