package io.bikecast.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.model.ModelArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactCacheTest {

    @TempDir
    Path directory;

    @Test
    void keepsAVersionAcrossInstancesAndHandsBackTheSameModel() {
        byte[] artifact = Artifacts.forest(1);
        new ModelArtifactCache(directory.resolve("cache"))
                .store(new CachedModel(Artifacts.version(3, artifact), Artifacts.reference(), artifact));

        CachedModel loaded = new ModelArtifactCache(directory.resolve("cache"))
                .load("bike-demand", 3)
                .orElseThrow();

        assertThat(loaded.artifact()).isEqualTo(artifact);
        assertThat(loaded.version()).isEqualTo(Artifacts.version(3, artifact));
        assertThat(loaded.reference().values("temp")).containsExactly(0.2, 0.4, 0.6);
        assertThat(ModelArtifacts.read(loaded.artifact()).getName()).isNotNull();
    }

    @Test
    void refusesToStoreAnArtifactThatIsNotTheOneItsDescriptionNames() throws IOException {
        ModelArtifactCache cache = new ModelArtifactCache(directory);
        byte[] artifact = Artifacts.forest(1);

        assertThatThrownBy(() -> cache.store(
                        new CachedModel(Artifacts.version(3, Artifacts.forest(2)), Artifacts.reference(), artifact)))
                .isInstanceOf(ArtifactRefusedException.class)
                .hasMessageContaining("bike-demand v3")
                .hasMessageContaining("refusing to cache it");
        assertThat(cache.load("bike-demand", 3)).isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void neverHandsOutADamagedArtifactAndRemovesIt() throws IOException {
        ModelArtifactCache cache = new ModelArtifactCache(directory);
        byte[] artifact = Artifacts.forest(1);
        cache.store(new CachedModel(Artifacts.version(3, artifact), Artifacts.reference(), artifact));
        Path file = directory.resolve("bike-demand-v3.artifact");
        byte[] damaged = Files.readAllBytes(file);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(file, damaged);

        assertThat(cache.load("bike-demand", 3)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void writesOnlyWholeFilesAndLeavesNoTemporaryOnesBehind() throws IOException {
        ModelArtifactCache cache = new ModelArtifactCache(directory);
        byte[] first = Artifacts.forest(1);
        byte[] second = Artifacts.forest(2);
        cache.store(new CachedModel(Artifacts.version(3, first), Artifacts.reference(), first));
        cache.store(new CachedModel(Artifacts.version(3, second), Artifacts.reference(), second));

        assertThat(cache.load("bike-demand", 3).orElseThrow().artifact()).isEqualTo(second);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("bike-demand-v3.artifact", "bike-demand-v3.json");
        }
    }

    @Test
    void remembersTheServedVersionsAndForgetsTheOthers() {
        ModelArtifactCache cache = new ModelArtifactCache(directory);
        for (long version = 1; version <= 3; version++) {
            byte[] artifact = Artifacts.forest(version);
            cache.store(new CachedModel(Artifacts.version(version, artifact), Artifacts.reference(), artifact));
        }

        cache.rememberServed("bike-demand", new ServedVersions(3, 2L));

        assertThat(new ModelArtifactCache(directory).lastServed("bike-demand")).contains(new ServedVersions(3, 2L));
        assertThat(cache.load("bike-demand", 1)).isEmpty();
        assertThat(cache.load("bike-demand", 2)).isPresent();
        assertThat(cache.load("bike-demand", 3)).isPresent();
        assertThat(cache.lastServed("another-model")).isEmpty();
    }
}
