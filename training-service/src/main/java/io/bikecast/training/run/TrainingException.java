package io.bikecast.training.run;

/** A run cannot produce a model from the data it has; the message says why, for the run record and the alert. */
class TrainingException extends RuntimeException {

    TrainingException(String message) {
        super(message);
    }
}
