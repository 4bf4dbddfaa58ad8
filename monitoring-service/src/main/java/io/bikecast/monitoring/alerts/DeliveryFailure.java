package io.bikecast.monitoring.alerts;

import java.util.regex.Pattern;

/**
 * Why a delivery failed, told without the channel's secrets: what it says is stored in {@code
 * alert_delivery.last_error}, shown by the unauthenticated {@code GET /api/v1/alerts} and logged, so it is built from
 * parts that cannot hold them, with anything URL-like taken out. It has no cause and no stack trace for the same
 * reason.
 */
abstract sealed class DeliveryFailure extends RuntimeException permits WebhookFailure, EmailFailure {

    /** Anything with a scheme, such as {@code https://hooks.slack.com/services/T0/B0/token}, up to the next space. */
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");

    DeliveryFailure(String message) {
        super(message, null, false, false);
    }

    /** The innermost cause of a failure (the failure itself if it has none). */
    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The text with every secret and then any other URL replaced; blank secrets are skipped. */
    static String redact(String text, String replacement, Iterable<String> secrets) {
        if (text == null) {
            return "";
        }
        String redacted = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                redacted = redacted.replace(secret, replacement);
            }
        }
        return URL.matcher(redacted).replaceAll(replacement);
    }
}
