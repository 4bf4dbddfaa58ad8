package io.bikecast.monitoring.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the two webhooks: a Slack incoming-webhook message with Block Kit blocks, and a Discord webhook
 * message with one embed. Both stay inside the platforms' documented limits (Slack: header 150 characters, 10 fields
 * per section, 2,000 per field; Discord: title 256, description 4,096, 25 fields, name 256, value 1,024).
 */
final class WebhookPayloads {

    /** Slack's mrkdwn: bold between asterisks, links as {@code <url|text>}. */
    private static final AlertText.Markup SLACK_MARKUP =
            new AlertText.Markup(text -> text, text -> "*" + text + "*", url -> "<" + url + "|details>");

    private WebhookPayloads() {}

    /**
     * A Slack message of the alert or of its resolution: {@code text} (the notification fallback) and header,
     * summary, fields and context blocks.
     */
    static Map<String, Object> slack(StoredAlert alert, Message message) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of(
                "type",
                "header",
                "text",
                Map.of("type", "plain_text", "text", cut(AlertText.title(alert, message), 150))));
        blocks.add(Map.of(
                "type",
                "section",
                "text",
                Map.of("type", "mrkdwn", "text", cut(AlertText.summary(alert, message), 3000))));
        if (!alert.fields().isEmpty()) {
            List<Object> fields = alert.fields().stream()
                    .limit(10)
                    .map(field -> (Object)
                            Map.of("type", "mrkdwn", "text", cut("*" + field.name() + "*\n" + field.value(), 2000)))
                    .toList();
            blocks.add(Map.of("type", "section", "fields", fields));
        }
        blocks.add(Map.of(
                "type",
                "context",
                "elements",
                List.of(Map.of("type", "mrkdwn", "text", AlertText.context(alert, message, SLACK_MARKUP)))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", AlertText.headline(alert, message));
        body.put("blocks", blocks);
        return body;
    }

    /**
     * A Discord message of the alert or of its resolution: one embed with title, description, colour by severity
     * (green for a resolution), inline fields, footer, timestamp (of the raising, or of the resolution).
     */
    static Map<String, Object> discord(StoredAlert alert, Message message) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", cut(AlertText.title(alert, message), 256));
        embed.put("description", cut(AlertText.summary(alert, message), 4096));
        embed.put("color", AlertText.color(alert, message));
        if (alert.link() != null) {
            embed.put("url", alert.link());
        }
        embed.put(
                "fields",
                alert.fields().stream()
                        .limit(25)
                        .map(field -> Map.of(
                                "name", cut(field.name(), 256), "value", cut(field.value(), 1024), "inline", true))
                        .toList());
        embed.put(
                "footer",
                Map.of(
                        "text",
                        "bikecast monitoring · " + alert.kind() + " · " + alert.severity() + " · occurrences: "
                                + alert.occurrences()
                                + (message == Message.RESOLVED ? " · resolved" : "")));
        embed.put("timestamp", (message == Message.RESOLVED ? alert.resolvedAt() : alert.firstRaisedAt()).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "bikecast");
        body.put("embeds", List.of(embed));
        return body;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
