package io.bikecast.monitoring.alerts;

/**
 * Where alerts go. A webhook channel is enabled by configuring its URL; email by configuring its recipients ({@code
 * alerts.email.to}).
 */
enum Channel {
    SLACK,
    DISCORD,
    EMAIL;

    /** The channel's name in what people read: delivery errors and logs. */
    String label() {
        return switch (this) {
            case SLACK -> "Slack";
            case DISCORD -> "Discord";
            case EMAIL -> "email";
        };
    }
}
