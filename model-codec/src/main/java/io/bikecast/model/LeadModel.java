package io.bikecast.model;

import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * One model of a {@link Forecaster}: the lead it was trained under and its 80% interval.
 *
 * @param lead the fewest hours between the last actual its history features read and the hour it forecasts (see
 *     {@link io.bikecast.common.features.HistoryFeature}); 0 for the model without history features
 * @param model the Tribuo model, predicting the forecaster's target
 * @param intervalLow the 10th percentile of its errors (actual minus predicted, in target space) on hours it did not
 *     learn: the 80% interval of a prediction {@code p} is {@code [p + intervalLow, p + intervalHigh]} in target space;
 *     NaN when the interval comes from the trees' spread instead (a forecaster stored before intervals were calibrated)
 * @param intervalHigh the 90th percentile of those errors
 */
public record LeadModel(int lead, Model<Regressor> model, double intervalLow, double intervalHigh) {

    public LeadModel {
        if (lead < 0) {
            throw new IllegalArgumentException("A lead is 0 (no history) or more but was " + lead);
        }
        Objects.requireNonNull(model, "model");
        if (intervalLow > intervalHigh) {
            throw new IllegalArgumentException(
                    "The interval's low offset " + intervalLow + " is above its high offset " + intervalHigh);
        }
    }

    /** True if the model reads history features. */
    public boolean usesHistory() {
        return lead > 0;
    }

    /** True if the interval is calibrated on errors, false if it is to be taken from the trees' spread. */
    public boolean hasCalibratedInterval() {
        return !Double.isNaN(intervalLow) && !Double.isNaN(intervalHigh);
    }
}
