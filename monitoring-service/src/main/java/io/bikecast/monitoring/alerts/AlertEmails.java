package io.bikecast.monitoring.alerts;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The email of an alert: the subject (the prefix and the {@linkplain AlertText#headline headline}), a plain-text body
 * and an HTML body with the same facts as the Slack message, from {@link AlertText}: title, summary, every field, and
 * the context line with the link to the details; or the same for its resolution. Unlike Slack, email has no limits to cut to, so nothing is cut.
 */
final class AlertEmails {

    /** Plain text: no markup, the link spelt out. */
    private static final AlertText.Markup PLAIN =
            new AlertText.Markup(text -> text, text -> text, url -> "details: " + url);

    /** HTML: escaped text, bold as {@code <strong>}, the link as an anchor. */
    private static final AlertText.Markup HTML = new AlertText.Markup(
            AlertEmails::escape,
            text -> "<strong>" + text + "</strong>",
            url -> "<a href=\"" + escape(url) + "\">details</a>");

    private AlertEmails() {}

    /** HTML-escapes only what must be ({@code & < > " '}): the body is UTF-8, so {@code ·} and {@code R²} stay. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** E.g. {@code [bikecast] [WARNING] Data drift: bike-demand v3}, on one line. */
    static String subject(StoredAlert alert, Message message, String prefix) {
        String headline = AlertText.headline(alert, message);
        String subject = prefix == null || prefix.isBlank() ? headline : prefix.strip() + " " + headline;
        return subject.replaceAll("[\\r\\n]+", " ");
    }

    /**
     * The plain-text body: the title, a blank line, the summary, a blank line, one {@code name: value} line per field,
     * a blank line and the context line.
     */
    static String text(StoredAlert alert, Message message) {
        StringBuilder text = new StringBuilder();
        text.append(AlertText.title(alert, message))
                .append("\n\n")
                .append(AlertText.summary(alert, message))
                .append("\n\n");
        if (!alert.fields().isEmpty()) {
            alert.fields()
                    .forEach(field -> text.append(field.name())
                            .append(": ")
                            .append(field.value())
                            .append('\n'));
            text.append('\n');
        }
        return text.append(AlertText.context(alert, message, PLAIN))
                .append('\n')
                .toString();
    }

    /** The HTML body: the title in the severity's colour, the summary, the fields as a table, the context line. */
    static String html(StoredAlert alert, Message message) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n")
                .append("<body style=\"font-family: sans-serif\">\n")
                .append("<h2 style=\"color: #")
                .append(String.format(Locale.ROOT, "%06X", AlertText.color(alert, message)))
                .append("\">")
                .append(escape(AlertText.title(alert, message)))
                .append("</h2>\n<p>")
                .append(escape(AlertText.summary(alert, message)).replace("\n", "<br>"))
                .append("</p>\n");
        if (!alert.fields().isEmpty()) {
            html.append("<table>\n");
            alert.fields()
                    .forEach(field -> html.append("<tr><th align=\"left\">")
                            .append(escape(field.name()))
                            .append("</th><td>")
                            .append(escape(field.value()))
                            .append("</td></tr>\n"));
            html.append("</table>\n");
        }
        return html.append("<p style=\"color: #666666\">")
                .append(AlertText.context(alert, message, HTML))
                .append("</p>\n</body></html>\n")
                .toString();
    }
}
