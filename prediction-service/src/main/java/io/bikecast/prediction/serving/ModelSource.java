package io.bikecast.prediction.serving;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.prediction.model.ModelLoader;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.registry.client.ArtifactRefusedException;
import io.bikecast.registry.client.CachedModel;
import io.bikecast.registry.client.ModelArtifactCache;
import io.bikecast.registry.client.ModelVersion;
import io.bikecast.registry.client.ServedVersions;
import io.bikecast.registry.client.TrainingRegistryClient;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where served models come from: the training service's registry over HTTP, checked three ways (the checksum the
 * registry records, the ETag of the download, and the checksum the {@code model-promoted} event announced), and the
 * disk cache, which keeps every version that loaded and is the fallback while the registry is away.
 */
public class ModelSource {

    private static final Logger log = LoggerFactory.getLogger(ModelSource.class);

    private final TrainingRegistryClient registry;
    private final ModelArtifactCache cache;
    private final ModelLoader loader;
    private final String modelName;
    private final Map<Long, String> announcedChecksums = new ConcurrentHashMap<>();

    public ModelSource(
            TrainingRegistryClient registry, ModelArtifactCache cache, ModelLoader loader, String modelName) {
        this.registry = registry;
        this.cache = cache;
        this.loader = loader;
        this.modelName = modelName;
    }

    /** A {@code model-promoted} event announced this artifact for the version: any other is refused. */
    void announced(long version, String artifactSha256) {
        announcedChecksums.put(version, artifactSha256);
    }

    /** The version an alias points at in the registry now, if it is set. */
    Optional<ModelVersion> alias(String alias) {
        Optional<ModelVersion> version = registry.alias(alias);
        version.ifPresent(named -> {
            if (!named.modelName().equals(modelName)) {
                throw new IllegalStateException("the training service at " + registry.baseUrl() + " names "
                        + named.modelName() + " v" + named.version() + " as " + alias + ", but this service serves '"
                        + modelName + "': point bikecast.prediction.registry.base-url at the training service of '"
                        + modelName + "' or change bikecast.prediction.model-name");
            }
        });
        return version;
    }

    /**
     * Loads a version from the registry, verified, and keeps it in the disk cache. A copy already in the cache is not
     * downloaded again (the registry answers 304 to its checksum).
     *
     * @throws ArtifactRefusedException if the artifact is not the one the registry or the promotion event names
     */
    ServedModel fetch(ModelVersion version) {
        String announced = announcedChecksums.get(version.version());
        if (announced != null && !announced.equalsIgnoreCase(version.artifactSha256())) {
            throw new ArtifactRefusedException("the registry at " + registry.baseUrl() + " describes " + modelName
                    + " v" + version.version() + " with artifact SHA-256 " + version.artifactSha256()
                    + " but its model-promoted event announced " + announced
                    + "; refusing it until the registry and the event agree");
        }
        Optional<CachedModel> cached = cache.load(modelName, version.version())
                .filter(copy -> copy.version().artifactSha256().equalsIgnoreCase(version.artifactSha256()));
        byte[] held = cached.map(CachedModel::artifact).orElse(null);
        byte[] artifact = registry.artifact(version, version.artifactSha256(), held);
        ReferenceSample reference = artifact == held ? cached.get().reference() : registry.reference(version);
        CachedModel model = new CachedModel(version, reference, artifact);
        ServedModel served = loader.load(model);
        if (artifact != held) {
            keep(model);
        }
        return served;
    }

    /** A version from the disk cache, verified there, if it is cached and loads. */
    Optional<ServedModel> fromCache(long version) {
        return cache.load(modelName, version).map(loader::load);
    }

    /** The versions the cache says were served last. */
    Optional<ServedVersions> lastServed() {
        return cache.lastServed(modelName);
    }

    /** Records what is served now, so that a restart without the registry serves the same. */
    void remember(@Nullable ServedModel champion, @Nullable ServedModel challenger) {
        if (champion == null) {
            return;
        }
        try {
            cache.rememberServed(
                    modelName,
                    new ServedVersions(champion.version(), challenger == null ? null : challenger.version()));
        } catch (UncheckedIOException e) {
            log.warn("Serving {} v{}, but {}", modelName, champion.version(), e.getMessage());
        }
    }

    String registryUrl() {
        return registry.baseUrl().toString();
    }

    private void keep(CachedModel model) {
        try {
            cache.store(model);
        } catch (UncheckedIOException e) {
            log.warn(
                    "Serving {} v{}, but a restart without the registry cannot: {}",
                    modelName,
                    model.version().version(),
                    e.getMessage());
        }
    }
}
