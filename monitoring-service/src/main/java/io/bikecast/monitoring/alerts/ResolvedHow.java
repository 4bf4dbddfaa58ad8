package io.bikecast.monitoring.alerts;

/** How an open alert was resolved. */
public enum ResolvedHow {
    /** What raised it no longer holds: a check without drift, live error within the threshold, a run that succeeded. */
    CONDITION_CLEARED,
    /** An operator resolved it through {@code POST /api/v1/alerts/{id}/resolve}. */
    OPERATOR
}
