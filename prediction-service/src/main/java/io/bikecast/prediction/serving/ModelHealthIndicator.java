package io.bikecast.prediction.serving;

import io.bikecast.prediction.log.PredictionLogPublisher;
import io.bikecast.prediction.model.ServedModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code model}: UP while a champion is in hand, DOWN before. It is in the readiness group beside {@code
 * readinessState} ({@link ChampionReadiness}), because ready means "can answer predictions", and it says why: with the
 * registry or Kafka unreachable the service still answers from the model in hand, so it stays ready and says what is
 * degraded in its details ({@code degraded}), while the {@code registry} and {@code kafka} indicators report DOWN in
 * the overall health.
 */
class ModelHealthIndicator implements HealthIndicator {

    private final ModelHolder holder;
    private final ModelRefresher refresher;
    private final PredictionLogPublisher logPublisher;
    private final String modelName;

    ModelHealthIndicator(
            ModelHolder holder, ModelRefresher refresher, PredictionLogPublisher logPublisher, String modelName) {
        this.holder = holder;
        this.refresher = refresher;
        this.logPublisher = logPublisher;
        this.modelName = modelName;
    }

    @Override
    public Health health() {
        ServingModels models = holder.current();
        RegistryStatus registry = refresher.registryStatus();
        Instant kafkaFailingSince = logPublisher.failingSince();
        List<String> degraded = new ArrayList<>();
        if (registry.lastFailure() != null && registry.unreachable()) {
            degraded.add("registry unreachable since " + registry.lastFailure() + ": serving "
                    + (refresher.servingFromCache() ? "the last champion from the disk cache" : "the model in hand")
                    + ", promotions are not picked up");
        } else if (registry.lastFailure() != null) {
            degraded.add("the latest refresh from the registry failed at " + registry.lastFailure() + " ("
                    + registry.error() + "): serving the model in hand");
        }
        if (kafkaFailingSince != null) {
            degraded.add("Kafka unreachable since " + kafkaFailingSince + ": " + logPublisher.depth()
                    + " prediction-logged events wait in the buffer");
        }
        Health.Builder health = models.hasChampion() ? Health.up() : Health.down();
        health.withDetail("modelName", modelName);
        if (models.hasChampion()) {
            health.withDetail("champion", describe(models.champion()));
        } else {
            health.withDetail(
                    "reason",
                    "no champion loaded yet: it loads in the background, from the disk cache and then the registry,"
                            + " which names none or could not be read, or whose champion was refused (see registry);"
                            + " predictions get 503");
        }
        if (models.challenger() != null) {
            health.withDetail("challenger", describe(models.challenger()));
        }
        if (registry.lastSuccess() != null) {
            health.withDetail("registryLastRead", registry.lastSuccess());
        }
        if (!degraded.isEmpty()) {
            health.withDetail("degraded", degraded);
        }
        return health.build();
    }

    private static Map<String, Object> describe(@Nullable ServedModel model) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (model != null) {
            details.put("version", model.version());
            details.put("artifactSha256", model.artifactSha256());
            details.put("engine", model.withoutHistory().engine());
            details.put("leads", model.leadHours());
            details.put("loadedAt", model.loadedAt());
        }
        return details;
    }
}
