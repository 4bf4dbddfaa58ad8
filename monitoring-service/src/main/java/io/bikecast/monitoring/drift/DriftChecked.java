package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.clock.ClockReading;

/**
 * A drift check ran and its report is stored: published in the thread that ran it, so whatever acts on the report
 * (the retraining policy) has done so before the check returns, and under the data clock before the clock moves on.
 * Drift itself knows nothing of who listens.
 *
 * @param at the clock reading the check ran at (its hour under the data clock)
 */
public record DriftChecked(DriftReport report, ClockReading at) {}
