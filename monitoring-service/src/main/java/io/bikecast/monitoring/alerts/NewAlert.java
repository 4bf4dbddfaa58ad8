package io.bikecast.monitoring.alerts;

import java.util.List;

/**
 * An alert to raise.
 *
 * @param modelName the model it is about, which the condition that clears it is matched on
 * @param key what it is about, e.g. {@code bike-demand:3}; with the kind, what folding compares
 * @param path where on this service a person reads more, e.g. {@code /api/v1/drift/reports/{id}/html}, or null;
 *     the alert links to it under {@code alerts.public-base-url}
 */
public record NewAlert(
        AlertKind kind,
        String modelName,
        String key,
        Severity severity,
        String title,
        String summary,
        List<AlertField> fields,
        String path) {

    public NewAlert {
        fields = List.copyOf(fields);
    }
}
