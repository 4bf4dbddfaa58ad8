package io.bikecast.monitoring.champion;

import io.bikecast.registry.client.ModelVersion;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reference sample drift is tested against: the current champion's, from the training service's registry API.
 * The champion alias is asked for at every check (one small request), and the sample, which is large, is fetched only
 * when the alias moved: it is kept per champion version. A promotion event fetches it at once, so the first check
 * after a promotion already compares with the new champion. While the registry cannot be reached, nothing is
 * answered from the cache: a check cannot know whether the champion moved, so its verdict is {@code ERROR}.
 */
@Component
public class ReferenceProvider {

    private static final Logger log = LoggerFactory.getLogger(ReferenceProvider.class);

    private final ChampionRegistry registry;
    private final Clock clock;
    private final Map<String, ChampionReference> loaded = new ConcurrentHashMap<>();

    ReferenceProvider(ChampionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * The champion's reference, or empty if the model has no champion; a registry that cannot be reached or answers
     * with an error propagates as {@link io.bikecast.registry.client.RegistryUnavailableException}.
     */
    public Optional<ChampionReference> champion(String modelName) {
        Optional<ModelVersion> champion = registry.champion(modelName);
        if (champion.isEmpty()) {
            return Optional.empty();
        }
        ChampionReference cached = loaded.get(modelName);
        if (cached != null && cached.version() == champion.get().version()) {
            return Optional.of(cached);
        }
        return Optional.of(load(champion.get()));
    }

    /** The reference loaded last for the model, without asking the registry; empty if none was loaded. */
    public Optional<ChampionReference> loaded(String modelName) {
        return Optional.ofNullable(loaded.get(modelName));
    }

    /** A new champion was promoted: switch to its reference now. A failure is logged; the next check retries. */
    public void championPromoted(String modelName, long version) {
        try {
            load(registry.version(modelName, version));
        } catch (RuntimeException e) {
            log.warn(
                    "could not load the reference sample of {} v{}; the next drift check retries: {}",
                    modelName,
                    version,
                    e.getMessage());
        }
    }

    private ChampionReference load(ModelVersion version) {
        ChampionReference reference = new ChampionReference(
                version.modelName(), version.version(), registry.reference(version), clock.instant());
        loaded.put(version.modelName(), reference);
        log.info(
                "drift reference is now {} v{} ({} rows)",
                version.modelName(),
                version.version(),
                reference.sample().size());
        return reference;
    }
}
