package io.bikecast.prediction.health;

import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.prediction.model.ServingModels;
import io.bikecast.prediction.serving.ModelHolder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code registry}: whether the model registry can be read now, and whether the champion it names is the one served.
 * Not part of readiness: an unreachable registry only stops promotions from being picked up.
 */
public class RegistryHealthIndicator implements HealthIndicator {

    private final ModelRegistryReader registry;
    private final ModelHolder holder;
    private final String modelName;

    public RegistryHealthIndicator(ModelRegistryReader registry, ModelHolder holder, String modelName) {
        this.registry = registry;
        this.holder = holder;
        this.modelName = modelName;
    }

    @Override
    public Health health() {
        ServingModels models = holder.current();
        String served =
                models.champion() == null ? "none" : "v" + models.champion().version();
        try {
            String named = registry.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                    .map(version -> "v" + version)
                    .orElse("none");
            return Health.up()
                    .withDetail("registryChampion", named)
                    .withDetail("servedChampion", served)
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .withDetail("servedChampion", served)
                    .withDetail("impact", "serving the model in hand; promotions are picked up once it is back")
                    .build();
        }
    }
}
