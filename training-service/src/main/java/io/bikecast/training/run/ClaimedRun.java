package io.bikecast.training.run;

import java.util.List;
import java.util.UUID;

/**
 * A run an instance holds the lease of, and the requests merged into it.
 *
 * @param owner the instance that claimed it; every later update of the run is guarded by it
 * @param attempt how many times the run has been claimed, this claim included (more than one after a take-over)
 */
record ClaimedRun(
        UUID id,
        String modelName,
        Trigger trigger,
        String reason,
        RunOverrides overrides,
        List<UUID> merged,
        String owner,
        int attempt) {

    ClaimedRun {
        merged = List.copyOf(merged);
    }
}
