package io.bikecast.training.run;

/**
 * A fitted model is larger than the service registers; the message names the size, the limit and the property that
 * sets it, and what to change in the request instead.
 */
class ModelTooLargeException extends TrainingException {

    ModelTooLargeException(String message) {
        super(message);
    }
}
