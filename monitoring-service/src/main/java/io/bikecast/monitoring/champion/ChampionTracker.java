package io.bikecast.monitoring.champion;

import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps track of the champion monitoring judges: its holdout RMSE and the age of its served fit, from {@code
 * model-promoted} events, and from the registry when the registry's champion is one no event announced (an event
 * still on its way, or a champion older than this service's database).
 */
@Component
public class ChampionTracker {

    private static final Logger log = LoggerFactory.getLogger(ChampionTracker.class);

    private final ChampionStore store;
    private final ModelRegistryReader registry;
    private final MonitoringClock clock;

    ChampionTracker(ChampionStore store, ModelRegistryReader registry, MonitoringClock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A champion was promoted: its holdout RMSE is the event's, its served fit learned through the event's {@code
     * trainedThrough} or, from older producers, is as old as the clock now (under the data clock before its first
     * hour: from the first hour it is judged at).
     */
    public void promoted(ModelPromoted promoted) {
        LocalDateTime received =
                clock.dataClock() ? clock.dataHour().orElse(null) : clock.now().local();
        store.save(new ServedChampion(
                promoted.modelName(),
                promoted.version(),
                promoted.metrics() == null ? null : promoted.metrics().rmse(),
                promoted.trainedThrough(),
                received,
                promoted.occurredAt()));
    }

    /**
     * The registry's champion of a model as monitoring knows it, or empty if the model has no champion. A champion no
     * event announced is recorded now, as first seen at this clock reading, with the registry's holdout RMSE.
     */
    public Optional<ServedChampion> current(String modelName, ClockReading now) {
        Optional<Long> version = registry.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServedChampion> known = store.find(modelName);
        if (known.isPresent() && known.get().version() == version.get()) {
            ServedChampion champion = known.get();
            if (champion.servedFitHour() == null) {
                champion = new ServedChampion(
                        modelName,
                        champion.version(),
                        champion.holdoutRmse(),
                        null,
                        now.local(),
                        champion.receivedAt());
                store.save(champion);
            }
            return Optional.of(champion);
        }
        ServedChampion seen = new ServedChampion(
                modelName,
                version.get(),
                store.registryHoldoutRmse(modelName, version.get()).orElse(null),
                null,
                now.local(),
                now.instant());
        store.save(seen);
        log.info(
                "champion {} v{} came without a model-promoted event; the age of its served fit counts from {}",
                modelName,
                version.get(),
                now.local());
        return Optional.of(seen);
    }
}
