package io.bikecast.monitoring.alerts;

import java.util.UUID;

/** No alert has the id asked for; the service's one advice answers it as a 404 {@code not-found} problem. */
public final class AlertNotFoundException extends RuntimeException {

    AlertNotFoundException(UUID id) {
        super("no alert " + id);
    }
}
