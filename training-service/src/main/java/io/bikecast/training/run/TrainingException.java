package io.bikecast.training.run;

/** A run cannot produce a model from the data it has; the message says why, for the run record and the alert. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }
}
