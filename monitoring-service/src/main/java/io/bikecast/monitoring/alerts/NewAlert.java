package io.bikecast.monitoring.alerts;

import java.util.List;

/**
 * An alert to raise.
 *
 * @param key what it is about, e.g. {@code bike-demand:3}; with the kind, what folding compares
 * @param link where a person reads more (a drift report page), or null
 */
public record NewAlert(
        AlertKind kind,
        String key,
        Severity severity,
        String title,
        String summary,
        List<AlertField> fields,
        String link) {

    public NewAlert {
        fields = List.copyOf(fields);
    }
}
