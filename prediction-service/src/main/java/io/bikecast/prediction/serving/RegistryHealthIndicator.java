package io.bikecast.prediction.serving;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code registry}: whether the training service's registry answered the latest refresh (made in the background,
 * every {@code registry-refresh-interval}, or from {@code registry.retry-interval} backing off while it fails; a
 * health check makes no call of its own), and whether the champion it names is the one served. Not part of readiness: with the
 * registry away the service answers from the model in hand or from its disk cache, and only promotions wait.
 */
class RegistryHealthIndicator implements HealthIndicator {

    private final ModelRefresher refresher;
    private final ModelHolder holder;

    RegistryHealthIndicator(ModelRefresher refresher, ModelHolder holder) {
        this.refresher = refresher;
        this.holder = holder;
    }

    @Override
    public Health health() {
        ServingModels models = holder.current();
        RegistryStatus status = refresher.registryStatus();
        String served =
                models.champion() == null ? "none" : "v" + models.champion().version();
        Health.Builder health = status.reachable() ? Health.up() : Health.down();
        health.withDetail("url", refresher.registryUrl()).withDetail("servedChampion", served);
        if (refresher.servingFromCache()) {
            health.withDetail("servedFrom", "disk cache");
        }
        if (status.lastSuccess() != null) {
            health.withDetail("lastRead", status.lastSuccess())
                    .withDetail(
                            "registryChampion",
                            status.registryChampion() == null ? "none" : "v" + status.registryChampion());
        }
        if (status.lastFailure() != null) {
            health.withDetail("lastFailure", status.lastFailure())
                    .withDetail("error", String.valueOf(status.error()))
                    .withDetail(
                            "impact",
                            models.hasChampion()
                                    ? "serving the model in hand; promotions are picked up once the registry answers"
                                    : "no champion: predictions get 503 until the registry answers");
        }
        return health.build();
    }
}
