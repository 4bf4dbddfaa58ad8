package io.bikecast.monitoring.alerts;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts ({@code bikecast.monitoring.alerts.*}). A channel is enabled by configuring its webhook URL.
 *
 * @param slackWebhookUrl a Slack incoming-webhook URL (default none: Slack disabled)
 * @param discordWebhookUrl a Discord webhook URL (default none: Discord disabled)
 * @param foldWindow the same kind of alert for the same subject within this time is counted, not sent again
 *     (default 1 h)
 * @param dispatchInterval how often stored alerts are looked at for delivery (default 5 s)
 * @param retryInitialInterval first wait after a failed delivery (default 5 s), doubled after each further failure
 * @param retryMaxInterval longest wait between attempts (default 10 min); delivery is retried until it succeeds
 * @param connectTimeout webhook connect timeout (default 2 s)
 * @param readTimeout webhook read timeout (default 5 s)
 * @param publicBaseUrl where people reach this service, for links in alerts (default http://localhost:8083)
 */
@Validated
@ConfigurationProperties("bikecast.monitoring.alerts")
record AlertProperties(
        URI slackWebhookUrl,
        URI discordWebhookUrl,
        @DefaultValue("1h") @NotNull Duration foldWindow,
        @DefaultValue("5s") @NotNull Duration dispatchInterval,
        @DefaultValue("5s") @NotNull Duration retryInitialInterval,
        @DefaultValue("10m") @NotNull Duration retryMaxInterval,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("http://localhost:8083") @NotNull URI publicBaseUrl) {}
