package io.bikecast.monitoring.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The words of an alert on every channel that shows it as text (the Slack message, the email's plain-text and HTML
 * bodies): one headline, and one context line of severity, kind, occurrences, first raising and the link to the
 * details. Each channel brings only its markup, so the facts they carry cannot drift apart; the title, summary and
 * fields are the stored alert's own.
 */
final class AlertText {

    private AlertText() {}

    /**
     * How a channel marks text up.
     *
     * @param text escapes plain text for the channel (identity where nothing needs escaping)
     * @param strong marks already escaped text as bold
     * @param link renders the link to the alert's details, given its (unescaped) URL
     */
    record Markup(UnaryOperator<String> text, UnaryOperator<String> strong, UnaryOperator<String> link) {}

    /** The one-line notification, e.g. {@code [WARNING] Data drift: bike-demand v3}. */
    static String headline(StoredAlert alert) {
        return "[" + alert.severity() + "] " + alert.title();
    }

    /**
     * The context line, e.g. {@code Severity: WARNING · DRIFT_DETECTED · occurrences: 2 · first raised
     * 2026-01-01T10:00:00Z · details}, marked up for a channel.
     */
    static String context(StoredAlert alert, Markup markup) {
        List<String> parts = new ArrayList<>();
        parts.add(markup.text().apply("Severity: ")
                + markup.strong().apply(markup.text().apply(alert.severity().name())));
        parts.add(markup.text().apply(alert.kind().name()));
        parts.add(markup.text().apply("occurrences: " + alert.occurrences()));
        parts.add(markup.text().apply("first raised " + alert.firstRaisedAt()));
        if (alert.link() != null) {
            parts.add(markup.link().apply(alert.link()));
        }
        return String.join(" · ", parts);
    }
}
