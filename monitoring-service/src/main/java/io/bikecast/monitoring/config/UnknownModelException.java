package io.bikecast.monitoring.config;

import java.util.List;

/**
 * A request named a model monitoring does not follow. The service's one advice answers it as a 404 {@code not-found}
 * problem with this message as its detail, which lists the models it does follow.
 */
public final class UnknownModelException extends RuntimeException {

    UnknownModelException(String model, List<String> monitored) {
        super("monitoring follows no model '" + model + "'; it follows " + monitored
                + " (bikecast.monitoring.model-name and bikecast.monitoring.families[n].model-name)");
    }
}
