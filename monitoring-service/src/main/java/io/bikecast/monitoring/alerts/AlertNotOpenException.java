package io.bikecast.monitoring.alerts;

/**
 * An operator asked to resolve an alert that is not open: resolved already, or informational. The service's one
 * advice answers it as a 409 {@code conflict} problem with this message as its detail.
 */
public final class AlertNotOpenException extends RuntimeException {

    AlertNotOpenException(String message) {
        super(message);
    }
}
