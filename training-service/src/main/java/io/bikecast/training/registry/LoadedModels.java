package io.bikecast.training.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * Registered versions loaded into memory, kept by (model, version, artifact SHA-256): parsing the default forest's
 * artifact takes seconds and every run compares with the same champion until it changes. Loads go through the
 * registry reader, so an artifact is verified against its checksum before it is first used. Holds the
 * {@value #CAPACITY} most recently used versions (the champion and one more, e.g. a version being evaluated); a
 * default forest holds about 200 MB of heap.
 */
@Component
public class LoadedModels {

    static final int CAPACITY = 2;

    private final ModelRegistryReader reader;
    private final RegistryStore store;
    private final Map<Key, Model<Regressor>> models = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Model<Regressor>> eldest) {
            return size() > CAPACITY;
        }
    };

    public LoadedModels(ModelRegistryReader reader, RegistryStore store) {
        this.reader = reader;
        this.store = store;
    }

    /**
     * The model of a version, from memory when its artifact was loaded before.
     *
     * @throws VersionNotFoundException if there is no such version
     * @throws ArtifactIntegrityException if its artifact fails its checksum
     */
    public synchronized Model<Regressor> load(String modelName, long version) {
        String sha256 = store.artifactSha256(modelName, version)
                .orElseThrow(() -> new VersionNotFoundException(modelName, version));
        Key key = new Key(modelName, version, sha256);
        Model<Regressor> cached = models.get(key);
        if (cached != null) {
            return cached;
        }
        RegisteredModel loaded = reader.load(modelName, version);
        models.put(new Key(modelName, version, loaded.artifactSha256()), loaded.model());
        return loaded.model();
    }

    /**
     * Keeps a version that has just become champion, as trained: the next run compares with it (and may use it as its
     * evaluation fit) without parsing its artifact, which takes seconds. The artifact was made from this very model,
     * so both predict the same.
     */
    public synchronized void remember(String modelName, long version, String artifactSha256, Model<Regressor> model) {
        models.put(new Key(modelName, version, artifactSha256), model);
    }

    private record Key(String modelName, long version, String artifactSha256) {}
}
