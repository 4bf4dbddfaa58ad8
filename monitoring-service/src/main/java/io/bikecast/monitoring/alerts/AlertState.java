package io.bikecast.monitoring.alerts;

/** Where an alert stands: what the overview lists as wrong is exactly the open ones. */
public enum AlertState {
    /** A problem that has not been resolved yet. */
    OPEN,
    /** A problem whose condition cleared, or that an operator resolved. */
    RESOLVED,
    /** News (a champion promoted): nothing to resolve, never open. */
    INFORMATIONAL
}
