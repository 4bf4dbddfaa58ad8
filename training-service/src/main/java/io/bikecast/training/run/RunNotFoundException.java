package io.bikecast.training.run;

import java.util.UUID;

/** No training run has this id. */
public class RunNotFoundException extends RuntimeException {

    RunNotFoundException(UUID id) {
        super("no training run " + id);
    }
}
