package io.bikecast.training.evaluation;

import io.bikecast.common.events.ModelMetrics;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A registered version scored on stored hours of the training series.
 *
 * @param from the first local hour of the range asked for (inclusive)
 * @param to the end of the range asked for (exclusive)
 * @param hours how many stored hours the range held: the hours scored
 * @param metrics the mean over the leads 1, 3, 6 and 24 hours of each metric, as the version's own metrics
 * @param leads the metrics at each of those leads (a forecast issued that many hours before each hour)
 */
record ModelEvaluation(
        String modelName,
        long version,
        LocalDateTime from,
        LocalDateTime to,
        int hours,
        ModelMetrics metrics,
        Map<Integer, ModelMetrics> leads) {}
