package io.bikecast.prediction.serving;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of the latest attempt to read the registry, for health.
 *
 * @param lastSuccess when the registry was last read successfully, or null if never
 * @param lastFailure when the latest failed attempt was, or null if none failed since the last success
 * @param error what went wrong then
 * @param unreachable whether that failure was the registry not answering (rather than, say, an artifact refused)
 * @param registryChampion the champion version the registry named at the last success, or null if none or never read
 */
record RegistryStatus(
        @Nullable Instant lastSuccess,
        @Nullable Instant lastFailure,
        @Nullable String error,
        boolean unreachable,
        @Nullable Long registryChampion) {

    static final RegistryStatus UNKNOWN = new RegistryStatus(null, null, null, false, null);

    boolean reachable() {
        return lastSuccess != null && lastFailure == null;
    }

    RegistryStatus succeeded(Instant at, @Nullable Long champion) {
        return new RegistryStatus(at, null, null, false, champion);
    }

    RegistryStatus failed(Instant at, String why, boolean notAnswering) {
        return new RegistryStatus(lastSuccess, at, why, notAnswering, registryChampion);
    }
}
