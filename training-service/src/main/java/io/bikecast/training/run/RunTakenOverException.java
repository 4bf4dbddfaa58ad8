package io.bikecast.training.run;

import java.util.UUID;

/**
 * The instance working on a run no longer owns it: its lease expired and another instance took the run over. Whatever
 * it was about to record is discarded; the new owner records the run's outcome.
 */
class RunTakenOverException extends RuntimeException {

    RunTakenOverException(UUID runId, String owner) {
        super("run " + runId + " is no longer leased by " + owner + ": its lease expired and another instance took it"
                + " over, so this instance's result is discarded");
    }
}
