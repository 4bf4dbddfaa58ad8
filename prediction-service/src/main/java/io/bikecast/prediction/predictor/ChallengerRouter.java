package io.bikecast.prediction.predictor;

import io.bikecast.prediction.PredictionProperties.Challenger;
import io.bikecast.prediction.PredictionProperties.ChallengerMode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Decides, in A/B mode, whether the challenger answers a request. With a client key the decision is a pure function
 * of the key (64-bit FNV-1a, then MurmurHash3's finaliser to spread similar keys), so a client sees the same model on
 * every request and on every instance; without one it is random.
 */
class ChallengerRouter {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Challenger settings;

    ChallengerRouter(Challenger settings) {
        this.settings = settings;
    }

    ChallengerMode mode() {
        return settings.mode();
    }

    /** True if, in A/B mode, the challenger should answer this request. */
    boolean routeToChallenger(@Nullable String clientKey) {
        if (settings.mode() != ChallengerMode.AB || settings.share() <= 0) {
            return false;
        }
        double position = clientKey == null ? ThreadLocalRandom.current().nextDouble() : unitInterval(clientKey);
        return position < settings.share();
    }

    /** A key's fixed position in [0, 1). */
    static double unitInterval(String clientKey) {
        long hash = FNV_OFFSET;
        for (byte b : clientKey.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return (hash >>> 11) * 0x1.0p-53;
    }
}
