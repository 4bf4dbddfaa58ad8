package io.bikecast.monitoring.alerts;

import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.web.client.RestClientResponseException;

/**
 * Why a webhook delivery failed, told without the webhook's URL. Slack and Discord put the webhook's secret token in
 * the URL's path, and the HTTP client names the URL in its I/O errors; this message is stored in {@code
 * alert_delivery.last_error}, shown by the unauthenticated {@code GET /api/v1/alerts} and logged, so it is built from
 * the parts that cannot hold the URL: the channel, the answer's status, and the I/O error's own type and message with
 * anything URL-like taken out. The response body is left out too: a webhook's error page may echo the request. It has
 * no cause and no stack trace for the same reason.
 */
final class WebhookFailure extends RuntimeException {

    /** Anything with a scheme, such as {@code https://hooks.slack.com/services/T0/B0/token}, up to the next space. */
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");

    private static final String REDACTED = "<webhook URL redacted>";

    private WebhookFailure(String message) {
        super(message, null, false, false);
    }

    static WebhookFailure of(Channel channel, String webhookUrl, RuntimeException failure) {
        if (failure instanceof RestClientResponseException answered) {
            return new WebhookFailure(name(channel) + " answered "
                    + answered.getStatusCode().value() + " " + redact(answered.getStatusText(), webhookUrl));
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage(), webhookUrl);
        return new WebhookFailure(
                "could not deliver to " + name(channel) + ": " + root.getClass().getSimpleName() + message);
    }

    private static String name(Channel channel) {
        return switch (channel) {
            case SLACK -> "Slack";
            case DISCORD -> "Discord";
        };
    }

    /** The text with the webhook URL, its path and any other URL replaced. */
    static String redact(String text, String webhookUrl) {
        if (text == null) {
            return "";
        }
        String redacted = text.replace(webhookUrl, REDACTED);
        String path = URI.create(webhookUrl).getRawPath();
        if (path != null && path.length() > 1) {
            redacted = redacted.replace(path, REDACTED);
        }
        return URL.matcher(redacted).replaceAll(REDACTED);
    }
}
