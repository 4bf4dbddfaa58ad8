package io.bikecast.monitoring.alerts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClientResponseException;

/**
 * Why a webhook delivery failed, told without the webhook's URL. Slack and Discord put the webhook's secret token in
 * the URL's path, and the HTTP client names the URL in its I/O errors, so the message is built from the parts that
 * cannot hold the URL: the channel, the answer's status, and the I/O error's own type and message with anything
 * URL-like taken out. The response body is left out too: a webhook's error page may echo the request.
 */
final class WebhookFailure extends DeliveryFailure {

    private static final String REDACTED = "<webhook URL redacted>";

    private WebhookFailure(String message) {
        super(message);
    }

    static WebhookFailure of(Channel channel, String webhookUrl, RuntimeException failure) {
        if (failure instanceof RestClientResponseException answered) {
            return new WebhookFailure(channel.label() + " answered "
                    + answered.getStatusCode().value() + " " + redact(answered.getStatusText(), webhookUrl));
        }
        Throwable root = root(failure);
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage(), webhookUrl);
        return new WebhookFailure("could not deliver to " + channel.label() + ": "
                + root.getClass().getSimpleName() + message);
    }

    /** The text with the webhook URL, its path and any other URL replaced. */
    static String redact(String text, String webhookUrl) {
        List<String> secrets = new ArrayList<>(List.of(webhookUrl));
        String path = URI.create(webhookUrl).getRawPath();
        if (path != null && path.length() > 1) {
            secrets.add(path);
        }
        return redact(text, REDACTED, secrets);
    }
}
