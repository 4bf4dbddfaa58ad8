package io.bikecast.prediction.serving;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of the latest attempt to read the registry, for health.
 *
 * @param lastSuccess when the registry was last read successfully, or null if never
 * @param lastFailure when the latest failed attempt was, or null if none failed since the last success
 * @param error what went wrong then
 */
public record RegistryStatus(
        @Nullable Instant lastSuccess,
        @Nullable Instant lastFailure,
        @Nullable String error) {

    static final RegistryStatus UNKNOWN = new RegistryStatus(null, null, null);

    public boolean reachable() {
        return lastSuccess != null && lastFailure == null;
    }
}
