package io.bikecast.prediction.model;

import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;

/**
 * One model of a served forecaster, ready to answer: its lead, its engine and how its output becomes rentals. Immutable
 * and thread-safe.
 */
public final class ServedLead {

    private final int lead;
    private final LeadEngine engine;
    private final TargetTransform target;
    private final double intervalLow;
    private final double intervalHigh;

    ServedLead(LeadModel model, LeadEngine engine, TargetTransform target) {
        this(model.lead(), model.intervalLow(), model.intervalHigh(), engine, target);
    }

    /** A lead read in compact form, without its Tribuo model; the interval offsets as {@link LeadModel} has them. */
    ServedLead(int lead, double intervalLow, double intervalHigh, LeadEngine engine, TargetTransform target) {
        this.lead = lead;
        this.engine = engine;
        this.target = target;
        this.intervalLow = intervalLow;
        this.intervalHigh = intervalHigh;
    }

    /** The fewest hours between the last actual its history features read and the hour it forecasts; 0 = none. */
    public int lead() {
        return lead;
    }

    public boolean usesHistory() {
        return lead > 0;
    }

    /**
     * The prediction in rentals for a {@link ServingVector}. With calibrated offsets (measured on hours the model did
     * not learn) the interval is {@code [toCount(p + low), toCount(p + high)]}; without, the trees' spread (a
     * forest's), brought to rentals the same way; a boosted model without offsets has none.
     */
    public ModelOutput predict(double[] vector) {
        return predict(vector, 1.0);
    }

    /**
     * As {@link #predict(double[])}, with the interval's distances from the prediction, in the target's space,
     * multiplied by {@code scale}: what live calibration widens or narrows it by.
     */
    public ModelOutput predict(double[] vector, double scale) {
        ModelOutput output = engine.predict(vector);
        double p = output.raw();
        if (!Double.isNaN(intervalLow) && !Double.isNaN(intervalHigh)) {
            return new ModelOutput(
                    target.toCount(p),
                    target.toCount(p + scale * intervalLow),
                    target.toCount(p + scale * intervalHigh));
        }
        if (scale == 1.0) {
            return new ModelOutput(target.toCount(p), target.toCount(output.lower()), target.toCount(output.upper()));
        }
        return new ModelOutput(
                target.toCount(p),
                target.toCount(p + scale * (output.lower() - p)),
                target.toCount(p + scale * (output.upper() - p)));
    }

    /** The number of trees (see {@link LeadEngine#members()}). */
    public int members() {
        return engine.members();
    }

    /** {@code compiled} or {@code tribuo}. */
    public String engine() {
        return engine.engine();
    }
}
