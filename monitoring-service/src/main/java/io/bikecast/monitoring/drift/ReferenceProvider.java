package io.bikecast.monitoring.drift;

import io.bikecast.common.registry.ModelRegistryReader;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reference sample drift is tested against: the current champion's, from the registry. The champion alias is
 * looked up at every check (one indexed row), and the sample, which is large, is reloaded only when the alias moved;
 * a promotion event reloads it at once, so the first check after a promotion already compares with the new champion.
 */
@Component
public class ReferenceProvider {

    private static final Logger log = LoggerFactory.getLogger(ReferenceProvider.class);

    private final ModelRegistryReader registry;
    private final Clock clock;
    private final Map<String, ChampionReference> loaded = new ConcurrentHashMap<>();

    public ReferenceProvider(ModelRegistryReader registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The champion's reference, or empty if the model has no champion; registry failures propagate. */
    public Optional<ChampionReference> champion(String modelName) {
        Optional<Long> version = registry.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        ChampionReference cached = loaded.get(modelName);
        if (cached != null && cached.version() == version.get()) {
            return Optional.of(cached);
        }
        return Optional.of(load(modelName, version.get()));
    }

    /** The reference loaded last for the model, without asking the registry; empty if none was loaded. */
    public Optional<ChampionReference> loaded(String modelName) {
        return Optional.ofNullable(loaded.get(modelName));
    }

    /** A new champion was promoted: switch to its reference now. A failure is logged; the next check retries. */
    public void championPromoted(String modelName, long version) {
        try {
            load(modelName, version);
        } catch (RuntimeException e) {
            log.warn(
                    "could not load the reference sample of {} v{}; the next drift check retries",
                    modelName,
                    version,
                    e);
        }
    }

    private ChampionReference load(String modelName, long version) {
        ChampionReference reference = new ChampionReference(
                modelName, version, registry.referenceSample(modelName, version), clock.instant());
        loaded.put(modelName, reference);
        log.info(
                "drift reference is now {} v{} ({} rows)",
                modelName,
                version,
                reference.sample().size());
        return reference;
    }
}
