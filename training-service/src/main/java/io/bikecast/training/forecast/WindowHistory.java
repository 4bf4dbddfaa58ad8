package io.bikecast.training.forecast;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The demand of the rows a run read, per series, as the history features see it. Every hour of the window is in it,
 * holdout included: a holdout hour's features may read earlier holdout actuals, exactly as serving reads the latest
 * actuals, and never a later one ({@link LeadExamples} cuts every read at the issue time).
 */
public final class WindowHistory implements RowHistory {

    private static final DemandHistory NONE = hour -> OptionalDouble.empty();

    private final Map<String, DemandHistory> bySeries;

    private WindowHistory(Map<String, DemandHistory> bySeries) {
        this.bySeries = bySeries;
    }

    public static WindowHistory of(List<TrainingRow> rows) {
        Map<String, Map<LocalDateTime, Double>> demand = new HashMap<>();
        for (TrainingRow row : rows) {
            demand.computeIfAbsent(row.seriesId(), series -> new HashMap<>()).put(row.hour(), row.count());
        }
        Map<String, DemandHistory> bySeries = HashMap.newHashMap(demand.size());
        demand.forEach((series, counts) -> bySeries.put(series, hour -> {
            Double count = counts.get(hour);
            return count == null ? OptionalDouble.empty() : OptionalDouble.of(count);
        }));
        return new WindowHistory(bySeries);
    }

    @Override
    public DemandHistory of(String seriesId) {
        return bySeries.getOrDefault(seriesId, NONE);
    }
}
