package io.bikecast.prediction.serving;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;

/**
 * The application's availability as Spring Boot tracks it, with one more condition on readiness: a champion in hand.
 * Liveness is Boot's alone, so the service is live as soon as it has started; its readiness ({@code readinessState}
 * in {@code /actuator/health/readiness}, {@link org.springframework.boot.availability.ApplicationAvailability
 * ApplicationAvailability#getReadinessState()}) is {@link ReadinessState#REFUSING_TRAFFIC} until the background load
 * has a champion, and Boot's own state after.
 *
 * <p>Computed rather than published as an {@code AvailabilityChangeEvent}, because Boot publishes {@code
 * ACCEPTING_TRAFFIC} once started, whether or not a model has loaded by then: an event of ours undoing it would race
 * with Boot's, and the state recorded last would win. It replaces Boot's {@code applicationAvailability} bean, which
 * Boot defines only when there is none.
 */
class ChampionReadiness extends ApplicationAvailabilityBean {

    private final ModelHolder holder;

    ChampionReadiness(ModelHolder holder) {
        this.holder = holder;
    }

    @Override
    public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
        return gated(type, super.getState(type, defaultState));
    }

    @Override
    public <S extends AvailabilityState> @Nullable S getState(Class<S> type) {
        return gated(type, super.getState(type));
    }

    private <S extends AvailabilityState> S gated(Class<S> type, S state) {
        return type == ReadinessState.class && !holder.current().hasChampion()
                ? type.cast(ReadinessState.REFUSING_TRAFFIC)
                : state;
    }
}
