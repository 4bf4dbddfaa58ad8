package io.bikecast.monitoring.alerts;

/** What an alert is about. Alerts of the same kind and key within the fold window are one alert. */
public enum AlertKind {
    /** Dataset drift in a drift check; key: model and version. */
    DRIFT_DETECTED,
    /** The champion's live error crossed a policy threshold; key: model and version. */
    LIVE_PERFORMANCE_DEGRADED,
    /** A training run failed; key: the run. */
    TRAINING_FAILED,
    /** A new champion was promoted; key: model and version. */
    CHAMPION_PROMOTED
}
