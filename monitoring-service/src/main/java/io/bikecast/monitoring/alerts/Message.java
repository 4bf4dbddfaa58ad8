package io.bikecast.monitoring.alerts;

/** Which message of an alert a delivery carries: the alert itself, or the news that it was resolved. */
enum Message {
    RAISED,
    RESOLVED
}
