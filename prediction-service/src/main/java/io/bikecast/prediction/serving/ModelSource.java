package io.bikecast.prediction.serving;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.prediction.model.ModelLoader;
import io.bikecast.prediction.model.ModelRefusedException;
import io.bikecast.prediction.model.ModelRefusedException.Reason;
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
import org.springframework.util.unit.DataSize;

/**
 * Where served models come from: the training service's registry over HTTP, checked three ways (the checksum the
 * registry records, the ETag of the download, and the checksum the {@code model-promoted} event announced) and against
 * a size bound, and the disk cache, which keeps every version that loaded and is read first at start-up.
 */
class ModelSource {

    private static final Logger log = LoggerFactory.getLogger(ModelSource.class);

    private final TrainingRegistryClient registry;
    private final ModelArtifactCache cache;
    private final ModelLoader loader;
    private final String modelName;
    private final DataSize maxArtifactSize;
    private final Map<Long, String> announcedChecksums = new ConcurrentHashMap<>();

    ModelSource(
            TrainingRegistryClient registry,
            ModelArtifactCache cache,
            ModelLoader loader,
            String modelName,
            DataSize maxArtifactSize) {
        this.registry = registry;
        this.cache = cache;
        this.loader = loader;
        this.modelName = modelName;
        this.maxArtifactSize = maxArtifactSize;
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
     * @throws ModelRefusedException if the artifact is not the one the registry or the promotion event names, is too
     *     large, or does not load
     */
    ServedModel fetch(ModelVersion version) {
        String announced = announcedChecksums.get(version.version());
        if (announced != null && !announced.equalsIgnoreCase(version.artifactSha256())) {
            throw new ModelRefusedException(
                    Reason.CHECKSUM,
                    "the registry at " + registry.baseUrl() + " describes " + describe(version.version())
                            + " with artifact SHA-256 " + version.artifactSha256()
                            + " but its model-promoted event announced " + announced
                            + "; refusing it until the registry and the event agree");
        }
        requireWithinLimit(version.version(), version.artifactBytes(), "the registry describes it as");
        Optional<CachedModel> cached = cache.load(modelName, version.version())
                .filter(copy -> copy.version().artifactSha256().equalsIgnoreCase(version.artifactSha256()));
        byte[] held = cached.map(CachedModel::artifact).orElse(null);
        byte[] artifact = download(version, held);
        requireWithinLimit(version.version(), artifact.length, "its download is");
        ReferenceSample reference = artifact == held ? cached.get().reference() : registry.reference(version);
        CachedModel model = new CachedModel(version, reference, artifact);
        ServedModel served = load(model);
        if (artifact != held) {
            keep(model);
        }
        return served;
    }

    /**
     * A version from the disk cache, verified there, if it is cached.
     *
     * @throws ModelRefusedException if the cached copy is too large or does not load
     */
    Optional<ServedModel> fromCache(long version) {
        Optional<CachedModel> cached = cache.load(modelName, version);
        cached.ifPresent(copy -> requireWithinLimit(version, copy.artifact().length, "its cached copy is"));
        return cached.map(this::load);
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

    /** The registry model this source serves. */
    String modelName() {
        return modelName;
    }

    String registryUrl() {
        return registry.baseUrl().toString();
    }

    private byte[] download(ModelVersion version, byte @Nullable [] held) {
        try {
            return registry.artifact(version, version.artifactSha256(), held);
        } catch (ArtifactRefusedException e) {
            throw new ModelRefusedException(Reason.CHECKSUM, e.getMessage(), e);
        }
    }

    /**
     * The loaded version. Running out of memory while a model is read is its size, not the service's health: the
     * refusal is reported and the models in hand keep serving.
     */
    private ServedModel load(CachedModel model) {
        try {
            return loader.load(model);
        } catch (OutOfMemoryError e) {
            throw new ModelRefusedException(
                    Reason.TOO_LARGE,
                    describe(model.version().version()) + " (" + model.artifact().length
                            + " bytes stored) does not fit in the memory this service has left to load it; give it"
                            + " a larger heap (-Xmx) or register a smaller model");
        }
    }

    private void requireWithinLimit(long version, long bytes, String what) {
        if (bytes > maxArtifactSize.toBytes()) {
            throw new ModelRefusedException(
                    Reason.TOO_LARGE,
                    describe(version) + ": " + what + " " + bytes + " bytes, more than"
                            + " bikecast.prediction.registry.max-artifact-size (" + maxArtifactSize.toBytes()
                            + " bytes); raise the setting if the model is meant to be this large");
        }
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

    private String describe(long version) {
        return modelName + " v" + version;
    }
}
