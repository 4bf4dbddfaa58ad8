package io.bikecast.monitoring.drift;

import java.util.UUID;

/**
 * A drift report that was asked for does not exist: no report has this id, or no check of the model has run
 * yet. The service's
 * one advice answers it as a 404 {@code not-found} problem with this message as its detail.
 */
public final class DriftReportNotFoundException extends RuntimeException {

    private DriftReportNotFoundException(String message) {
        super(message);
    }

    static DriftReportNotFoundException noReport(UUID id) {
        return new DriftReportNotFoundException("no drift report " + id);
    }

    static DriftReportNotFoundException noCheckYet(String modelName) {
        return new DriftReportNotFoundException("no drift check of " + modelName + " has run yet");
    }
}
