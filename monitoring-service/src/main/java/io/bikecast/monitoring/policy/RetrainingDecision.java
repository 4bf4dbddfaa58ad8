package io.bikecast.monitoring.policy;

import java.util.List;

/**
 * What the policy concluded from the evidence of one evaluation.
 *
 * @param reasons why retraining is due, one sentence each; empty if it is not
 * @param reasonCodes the same as low-cardinality codes (metric tags, the clock endpoint): {@code dataset_drift},
 *     {@code live_error_degraded}, {@code scheduled_refresh}
 */
record RetrainingDecision(List<String> reasons, List<String> reasonCodes) {

    RetrainingDecision {
        reasons = List.copyOf(reasons);
        reasonCodes = List.copyOf(reasonCodes);
    }

    boolean retrain() {
        return !reasons.isEmpty();
    }

    String reason() {
        return String.join("; ", reasons);
    }

    boolean liveErrorDegraded() {
        return reasonCodes.contains(RetrainingPolicy.LIVE_ERROR_DEGRADED);
    }

    /** Whether drift or degradation is behind it (then a drift-detected event goes with the request). */
    boolean driftOrDegradation() {
        return liveErrorDegraded() || reasonCodes.contains(RetrainingPolicy.DATASET_DRIFT);
    }
}
