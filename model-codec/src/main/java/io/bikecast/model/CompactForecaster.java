package io.bikecast.model;

import java.util.List;
import java.util.Objects;

/**
 * A random-forest forecaster as the prediction service needs it: every lead's trees as a {@link CompactForest}, read
 * from an artifact without parsing its Tribuo protobufs ({@link ForecasterArtifacts#readCompact}).
 *
 * @param algorithm what fitted the models
 * @param target what the models learn in place of the count
 * @param leads one per lead, ascending, the lead-0 model among them
 */
public record CompactForecaster(String algorithm, TargetTransform target, List<Lead> leads) {

    public CompactForecaster {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(target, "target");
        leads = List.copyOf(leads);
    }

    /**
     * One lead's trees and interval, as {@link LeadModel} has them.
     *
     * @param lead the lead (0: no history features)
     * @param forest the trees
     * @param intervalLow see {@link LeadModel#intervalLow()}; NaN when the interval is the trees' spread
     * @param intervalHigh see {@link LeadModel#intervalHigh()}
     */
    public record Lead(int lead, CompactForest forest, double intervalLow, double intervalHigh) {

        public Lead {
            Objects.requireNonNull(forest, "forest");
        }
    }
}
