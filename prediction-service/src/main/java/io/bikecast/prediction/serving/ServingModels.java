package io.bikecast.prediction.serving;

import io.bikecast.prediction.model.ServedModel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the service serves at one moment: the champion and, when the registry names one, the challenger. A request
 * reads the current snapshot once and uses it to the end, so a swap never changes the model under a request in flight.
 *
 * @param champion the model that answers, or null before any champion could be loaded
 * @param challenger the model that gets an A/B share or shadows the champion, or null
 * @param since when this snapshot replaced the previous one
 */
public record ServingModels(
        @Nullable ServedModel champion, @Nullable ServedModel challenger, Instant since) {

    public static final ServingModels NONE = new ServingModels(null, null, Instant.EPOCH);

    public boolean hasChampion() {
        return champion != null;
    }
}
