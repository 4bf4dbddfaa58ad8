package io.bikecast.monitoring.champion;

import io.bikecast.common.events.ModelPromoted;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.registry.client.ModelVersion;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps track of the champion monitoring judges: its holdout RMSE one hour ahead (what its live error, of the
 * predictions served one hour ahead, is compared with; a model without leads has only its own) and the age of its
 * served fit, from {@code
 * model-promoted} events, and from the training service's registry API when the registry's champion is one no event
 * announced (an event still on its way, or a champion older than this service's database). A promotion needs no
 * registry, so one that arrives while the training service is down is recorded all the same.
 */
@Component
public class ChampionTracker {

    private static final Logger log = LoggerFactory.getLogger(ChampionTracker.class);

    private final ChampionStore store;
    private final ChampionRegistry registry;
    private final MonitoringClock clock;

    ChampionTracker(ChampionStore store, ChampionRegistry registry, MonitoringClock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * A champion was promoted: its holdout RMSE is the event's one hour ahead, its served fit learned through the event's {@code
     * trainedThrough} or, from older producers, is as old as the clock now (under the data clock before its first
     * hour: from the first hour it is judged at).
     */
    public void promoted(ModelPromoted promoted) {
        LocalDateTime received =
                clock.dataClock() ? clock.dataHour().orElse(null) : clock.now().local();
        store.save(new ServedChampion(
                promoted.modelName(),
                promoted.version(),
                promoted.holdoutRmseNextHour(),
                promoted.trainedThrough(),
                received,
                promoted.occurredAt()));
    }

    /**
     * The registry's champion of a model as monitoring knows it, or empty if the model has no champion. A champion no
     * event announced is recorded now, as first seen at this clock reading, with the registry's holdout RMSE. A
     * registry that cannot be reached propagates as {@link io.bikecast.registry.client.RegistryUnavailableException}:
     * whether the champion moved is unknown, so nothing is judged (under the data clock the hour is evaluated again).
     */
    public Optional<ServedChampion> current(String modelName, ClockReading now) {
        Optional<ModelVersion> registered = registry.champion(modelName);
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        long version = registered.get().version();
        Optional<ServedChampion> known = store.find(modelName);
        if (known.isPresent() && known.get().version() == version) {
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
                modelName, version, registered.get().holdoutRmseNextHour(), null, now.local(), now.instant());
        store.save(seen);
        log.info(
                "champion {} v{} came without a model-promoted event; the age of its served fit counts from {}",
                modelName,
                version,
                now.local());
        return Optional.of(seen);
    }
}
