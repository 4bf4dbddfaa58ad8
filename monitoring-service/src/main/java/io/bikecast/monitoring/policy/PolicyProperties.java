package io.bikecast.monitoring.policy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When monitoring asks for retraining ({@code bikecast.monitoring.policy.*}): a training-requested event, with a
 * drift-detected event when drift or degradation is behind it. Drift and live error are judged after every drift
 * check (a verdict of {@code NOT_ENOUGH_DATA} or {@code ERROR}, or a live window with too few pairs, is no evidence);
 * the scheduled refresh also every time the data clock advances.
 *
 * @param enabled publish retraining requests at all (default true); alerts are raised either way
 * @param onDatasetDrift dataset drift (of the weather features) triggers (default true)
 * @param onLiveErrorDegraded live error degraded relative to the champion's holdout error triggers (default true)
 * @param liveWindow the live-error window degradation is judged on (default 168 h: a week holds every weekday and
 *     hour, so the error is not that of one kind of day)
 * @param degradationFactor the champion is degraded when its live RMSE over the live window is at least this times
 *     its holdout RMSE one hour ahead, the horizon live error is measured at (default 1.5)
 * @param onScheduledRefresh a served fit older than the refresh interval triggers (default true)
 * @param refreshInterval how old, in clock time, the champion's served fit may get (default 72 h, chosen by the
 *     backtest in docs/monitoring-service.md; training's shortest holdout is as long, so a refresh's evaluation fit
 *     learns exactly what the champion learned and the gate judges it on every hour since): under the data clock
 *     measured from its {@code trainedThrough} hour (or the clock when the promotion was received), under the wall
 *     clock from its promotion
 * @param cooldown after a request, no other for the same model until this has passed, in clock time, whatever the
 *     trigger (default 24 h); stored in the database, so a restart does not forget it
 */
@Validated
@ConfigurationProperties("bikecast.monitoring.policy")
record PolicyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean onDatasetDrift,
        @DefaultValue("true") boolean onLiveErrorDegraded,
        @DefaultValue("168h") @NotNull Duration liveWindow,

        @DefaultValue("1.5") @DecimalMin("1.0") double degradationFactor,

        @DefaultValue("true") boolean onScheduledRefresh,
        @DefaultValue("72h") @NotNull Duration refreshInterval,
        @DefaultValue("24h") @NotNull Duration cooldown) {}
