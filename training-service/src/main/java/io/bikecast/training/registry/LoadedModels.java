package io.bikecast.training.registry;

import io.bikecast.model.Forecaster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Registered versions loaded into memory as forecasters, kept by (model, version, artifact SHA-256): parsing a forest's
 * artifact takes seconds and every run compares with the same champion until it changes. Loads go through the
 * registry reader, so an artifact is verified against its checksum before it is first used. Holds the
 * {@value #CAPACITY} most recently used versions (the champion and one more, e.g. a version being evaluated); a
 * default forest holds about 200 MB of heap, a default boosted forecaster a few MB.
 */
@Component
public class LoadedModels {

    static final int CAPACITY = 2;

    private final ModelRegistryReader reader;
    private final RegistryStore store;
    private final Map<Key, Forecaster> models = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Forecaster> eldest) {
            return size() > CAPACITY;
        }
    };

    public LoadedModels(ModelRegistryReader reader, RegistryStore store) {
        this.reader = reader;
        this.store = store;
    }

    /**
     * The forecaster of a version, from memory when its artifact was loaded before.
     *
     * @throws VersionNotFoundException if there is no such version
     * @throws ArtifactIntegrityException if its artifact fails its checksum
     */
    public synchronized Forecaster load(String modelName, long version) {
        String sha256 = store.artifactSha256(modelName, version)
                .orElseThrow(() -> new VersionNotFoundException(modelName, version));
        Key key = new Key(modelName, version, sha256);
        Forecaster cached = models.get(key);
        if (cached != null) {
            return cached;
        }
        RegisteredModel loaded = reader.load(modelName, version);
        models.put(new Key(modelName, version, loaded.artifactSha256()), loaded.forecaster());
        return loaded.forecaster();
    }

    /**
     * Keeps a version that has just become champion, as trained: the next run compares with it (and may use it as its
     * evaluation fit) without parsing its artifact, which takes seconds. The artifact was made from this very model,
     * so both predict the same.
     */
    public synchronized void remember(String modelName, long version, String artifactSha256, Forecaster forecaster) {
        models.put(new Key(modelName, version, artifactSha256), forecaster);
    }

    private record Key(String modelName, long version, String artifactSha256) {}
}
