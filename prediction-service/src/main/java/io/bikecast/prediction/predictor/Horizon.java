package io.bikecast.prediction.predictor;

import io.bikecast.common.features.HistoryFeatures;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a prediction was issued, how far ahead of its hour, and which model of the forecaster answered with which
 * history.
 *
 * @param issuedAt the issue time: the latest hour whose actual the history features may read; null when the hour is
 *     unknown (a UCI request without {@code hour}) or history is not asked for (the quick GET)
 * @param horizonHours whole hours from {@code issuedAt} to the predicted hour; null with {@code issuedAt}
 * @param lead the lead of the model that answered; 0 for the model without history
 * @param history the history features it read, in {@link HistoryFeatures} order (NaN where unknown); null for lead 0
 */
public record Horizon(
        @Nullable LocalDateTime issuedAt, @Nullable Integer horizonHours, int lead, double @Nullable [] history) {

    /** No issue time, no history. */
    static final Horizon NONE = new Horizon(null, null, 0, null);

    public boolean historyUsed() {
        return history != null;
    }

    /** The known history features by name, in model order; empty without history. */
    public Map<String, Double> historyFeatures() {
        Map<String, Double> known = new LinkedHashMap<>();
        if (history != null) {
            String[] names = HistoryFeatures.featureNames();
            for (int i = 0; i < names.length; i++) {
                if (!Double.isNaN(history[i])) {
                    known.put(names[i], history[i]);
                }
            }
        }
        return known;
    }
}
