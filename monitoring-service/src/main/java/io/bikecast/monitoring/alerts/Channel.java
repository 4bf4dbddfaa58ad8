package io.bikecast.monitoring.alerts;

/** Where alerts go. A channel is enabled by configuring its webhook URL. */
enum Channel {
    SLACK,
    DISCORD
}
