package io.bikecast.monitoring.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The words of an alert on every channel that shows it as text (the Slack message, the email's plain-text and HTML
 * bodies, and the Discord embed's title and description): one headline, one title and summary, and one context line
 * of severity, kind, occurrences, first raising and the link to the details. Each channel brings only its markup, so
 * the facts they carry cannot drift apart. The alert's own message has the stored title, summary and fields; its
 * "resolved" message says so in the headline and title, says how and why in the summary, and keeps the same fields
 * and context, with when it was resolved.
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

    /**
     * The one-line notification, e.g. {@code [WARNING] Data drift: bike-demand v3}, or {@code [RESOLVED] Data drift:
     * bike-demand v3}.
     */
    static String headline(StoredAlert alert, Message message) {
        return "["
                + (message == Message.RESOLVED ? "RESOLVED" : alert.severity().name()) + "] " + alert.title();
    }

    /** The title: the alert's own, or {@code Resolved: } and the alert's. */
    static String title(StoredAlert alert, Message message) {
        return message == Message.RESOLVED ? "Resolved: " + alert.title() : alert.title();
    }

    /** The summary: the alert's own, or how and why it was resolved. */
    static String summary(StoredAlert alert, Message message) {
        if (message == Message.RAISED) {
            return alert.summary();
        }
        String reason =
                alert.resolutionReason() == null || alert.resolutionReason().isBlank()
                        ? ""
                        : ": " + alert.resolutionReason();
        return alert.resolvedHow() == ResolvedHow.OPERATOR
                ? "Resolved by an operator" + (reason.isEmpty() ? "." : reason)
                : "The condition cleared" + (reason.isEmpty() ? "." : reason);
    }

    /** The colour of the message: the severity's, or green for a resolution (the colour of good news). */
    static int color(StoredAlert alert, Message message) {
        return message == Message.RESOLVED
                ? Severity.INFO.color()
                : alert.severity().color();
    }

    /**
     * The context line, e.g. {@code Severity: WARNING · DRIFT_DETECTED · occurrences: 2 · first raised
     * 2026-01-01T10:00:00Z · details}, marked up for a channel; a resolution's adds {@code resolved <instant>} after
     * the first raising.
     */
    static String context(StoredAlert alert, Message message, Markup markup) {
        List<String> parts = new ArrayList<>();
        parts.add(markup.text().apply("Severity: ")
                + markup.strong().apply(markup.text().apply(alert.severity().name())));
        parts.add(markup.text().apply(alert.kind().name()));
        parts.add(markup.text().apply("occurrences: " + alert.occurrences()));
        parts.add(markup.text().apply("first raised " + alert.firstRaisedAt()));
        if (message == Message.RESOLVED) {
            parts.add(markup.text().apply("resolved " + alert.resolvedAt()));
        }
        if (alert.link() != null) {
            parts.add(markup.link().apply(alert.link()));
        }
        return String.join(" · ", parts);
    }
}
