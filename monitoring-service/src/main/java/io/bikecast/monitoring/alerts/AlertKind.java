package io.bikecast.monitoring.alerts;

/**
 * What an alert is about. Alerts of the same kind and key within the fold window are one alert. A problem kind is
 * {@linkplain AlertState#OPEN open} until its condition clears or an operator resolves it; an informational one is
 * news and never open.
 */
public enum AlertKind {
    /** Dataset drift in a drift check; key: model and version. Cleared by the model's next check without drift. */
    DRIFT_DETECTED(true),
    /**
     * The champion's live error crossed a policy threshold; key: model and version. Cleared when the model's live
     * error is back within the threshold.
     */
    LIVE_PERFORMANCE_DEGRADED(true),
    /** A training run failed; key: the run. Cleared by a later run of the same model that succeeds. */
    TRAINING_FAILED(true),
    /** A new champion was promoted; key: model and version. Informational: never open. */
    CHAMPION_PROMOTED(false);

    private final boolean problem;

    AlertKind(boolean problem) {
        this.problem = problem;
    }

    /** True if an alert of this kind says something is wrong, and so stays open until resolved. */
    public boolean problem() {
        return problem;
    }
}
