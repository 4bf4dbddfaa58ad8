/**
 * What the features' meters share: gauges whose latest value a feature sets. Each feature records its own meters
 * (drift checks, live error, alerts, retraining requests); this package depends on none of them.
 */
package io.bikecast.monitoring.metrics;
