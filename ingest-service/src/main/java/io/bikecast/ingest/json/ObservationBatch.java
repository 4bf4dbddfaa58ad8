package io.bikecast.ingest.json;

import java.util.List;

/**
 * A batch of observations pushed as JSON.
 *
 * @param mode {@code lenient} (default) or {@code strict}
 * @param observations the observations, at most {@code bikecast.ingest.max-rows}
 */
record ObservationBatch(String mode, List<ObservationInput> observations) {}
