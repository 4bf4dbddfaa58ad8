package io.bikecast.monitoring.alerts;

/** How urgent an alert is; it sets the colour of a Discord embed and a Slack message's severity line. */
public enum Severity {
    INFO(0x2EB67D),
    WARNING(0xECB22E),
    CRITICAL(0xE01E5A);

    private final int color;

    Severity(int color) {
        this.color = color;
    }

    /** The colour as Discord wants it: a 24-bit RGB integer (green, amber, red). */
    int color() {
        return color;
    }
}
