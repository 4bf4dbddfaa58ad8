package io.bikecast.common.features;

import java.time.LocalDateTime;
import java.util.OptionalDouble;

/**
 * A feature made of recent actual demand, defined relative to a model's lead time {@code L}: the fewest hours between
 * the last actual a forecast may use and the hour it forecasts. A feature never reads an hour less than {@code L} hours
 * before the target, so a model with lead {@code L} can serve any forecast issued at least {@code L} hours ahead (see
 * {@link Horizons}).
 *
 * <p>The set follows what measurably helps on this data (docs/training-service.md, "Forecasting with recent demand"):
 * the latest three hours the lead allows, the same hour a day and a week before, and the level of the same hour over
 * the last week and of the same hour of the week over the last four weeks. The last two matter most day-ahead: they
 * carry the current level of demand, which calendar and weather alone cannot.
 */
public enum HistoryFeature {
    /** Demand {@code L} hours before the target hour: the latest actual the lead allows. */
    LAG_LEAD("lag_lead") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return lag(target, lead, history);
        }
    },
    /** Demand {@code L + 1} hours before the target hour. */
    LAG_LEAD_1("lag_lead_1") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return lag(target, lead + 1, history);
        }
    },
    /** Demand {@code L + 2} hours before the target hour. */
    LAG_LEAD_2("lag_lead_2") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return lag(target, lead + 2, history);
        }
    },
    /** Demand a day before the target hour, or {@code L} hours before if the lead is longer. */
    LAG_DAY("lag_day") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return lag(target, Math.max(lead, 24), history);
        }
    },
    /** Demand a week before the target hour, or {@code L} hours before if the lead is longer. */
    LAG_WEEK("lag_week") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return lag(target, Math.max(lead, WEEK), history);
        }
    },
    /** Mean demand at the target's hour of the day on the seven latest days the lead allows. */
    SAME_HOUR_7_DAYS("same_hour_7_days") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return mean(target, history, 24, Math.ceilDiv(lead, 24), 7);
        }
    },
    /** Mean demand at the target's hour of the week in the four latest weeks the lead allows. */
    SAME_HOUR_4_WEEKS("same_hour_4_weeks") {
        @Override
        double compute(LocalDateTime target, int lead, DemandHistory history) {
            return mean(target, history, WEEK, Math.ceilDiv(lead, WEEK), 4);
        }
    };

    /** Hours in a week. */
    static final int WEEK = 168;

    private final String featureName;

    HistoryFeature(String featureName) {
        this.featureName = featureName;
    }

    /** The Tribuo feature name, used at training and at serving time. */
    public String featureName() {
        return featureName;
    }

    /**
     * The feature's value for a target hour under a lead, or {@link Double#NaN} when the hours it needs have no actual.
     *
     * @param lead at least 1: a forecast cannot use the actual of the hour it forecasts
     * @throws IllegalArgumentException if the lead is below 1
     */
    public double value(LocalDateTime target, int lead, DemandHistory history) {
        if (lead < 1) {
            throw new IllegalArgumentException("A lead is at least 1 hour but was " + lead);
        }
        return compute(target, lead, history);
    }

    abstract double compute(LocalDateTime target, int lead, DemandHistory history);

    private static double lag(LocalDateTime target, int hours, DemandHistory history) {
        OptionalDouble demand = history.demandAt(target.minusHours(hours));
        return demand.isPresent() ? demand.getAsDouble() : Double.NaN;
    }

    /** The mean of the actuals {@code step·k} hours before the target for {@code count} values of k from {@code first}. */
    private static double mean(LocalDateTime target, DemandHistory history, int step, int first, int count) {
        double sum = 0;
        int known = 0;
        for (int k = first; k < first + count; k++) {
            OptionalDouble demand = history.demandAt(target.minusHours((long) step * k));
            if (demand.isPresent()) {
                sum += demand.getAsDouble();
                known++;
            }
        }
        return known == 0 ? Double.NaN : sum / known;
    }
}
