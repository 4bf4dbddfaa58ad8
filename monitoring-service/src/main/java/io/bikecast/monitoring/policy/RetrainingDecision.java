package io.bikecast.monitoring.policy;

import java.util.List;

/**
 * What the policy concluded from one drift check and the champion's live error.
 *
 * @param reasons why retraining is due, one sentence each; empty if it is not
 * @param reasonCodes the same as low-cardinality metric tags: {@code dataset_drift}, {@code live_r2}, {@code live_rmse}
 */
public record RetrainingDecision(List<String> reasons, List<String> reasonCodes) {

    public RetrainingDecision {
        reasons = List.copyOf(reasons);
        reasonCodes = List.copyOf(reasonCodes);
    }

    public boolean retrain() {
        return !reasons.isEmpty();
    }

    public String reason() {
        return String.join("; ", reasons);
    }

    public boolean liveErrorDegraded() {
        return reasonCodes.contains(RetrainingPolicy.LIVE_R2) || reasonCodes.contains(RetrainingPolicy.LIVE_RMSE);
    }
}
