package io.bikecast.training.forecast;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The demand of the rows a run read, as the history features see it. Every hour of the window is in it, holdout
 * included: a holdout hour's features may read earlier holdout actuals, exactly as serving reads the latest actuals,
 * and never a later one ({@link LeadExamples} cuts every read at the issue time).
 */
public final class WindowHistory implements DemandHistory {

    private final Map<LocalDateTime, Double> demand;

    private WindowHistory(Map<LocalDateTime, Double> demand) {
        this.demand = demand;
    }

    public static WindowHistory of(List<TrainingRow> rows) {
        Map<LocalDateTime, Double> demand = HashMap.newHashMap(rows.size());
        rows.forEach(row -> demand.put(row.hour(), row.count()));
        return new WindowHistory(demand);
    }

    @Override
    public OptionalDouble demandAt(LocalDateTime hour) {
        Double count = demand.get(hour);
        return count == null ? OptionalDouble.empty() : OptionalDouble.of(count);
    }
}
