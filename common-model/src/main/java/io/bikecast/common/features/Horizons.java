package io.bikecast.common.features;

import java.util.List;
import java.util.OptionalInt;

/**
 * The leads a forecaster keeps a model for, and which of them serves a forecast of a given horizon. A forecast
 * {@code h} hours ahead may use actuals up to {@code h} hours before its target, so it is served by the model with the
 * shortest lead of at least {@code h}: a model trained on lags of at least 6 hours serves horizons 4, 5 and 6.
 * Beyond the longest lead a model without history features serves.
 *
 * <p>The leads 1, 3, 6 and 24 are the horizons the backtest reports on: rebalancing works on the next few hours,
 * staffing on the next day.
 */
public final class Horizons {

    /** The leads, ascending. */
    public static final List<Integer> LEADS = List.of(1, 3, 6, 24);

    private Horizons() {}

    /**
     * The lead of the model that serves a forecast {@code horizon} hours ahead; empty when the horizon is beyond the
     * longest lead (or below 1, a target at or before the issue time), where only a model without history can serve.
     */
    public static OptionalInt leadFor(int horizon) {
        if (horizon < 1) {
            return OptionalInt.empty();
        }
        return LEADS.stream()
                .mapToInt(Integer::intValue)
                .filter(lead -> lead >= horizon)
                .findFirst();
    }
}
