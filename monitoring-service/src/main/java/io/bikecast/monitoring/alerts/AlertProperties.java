package io.bikecast.monitoring.alerts;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts ({@code bikecast.monitoring.alerts.*}). A webhook channel is enabled by configuring its URL, email by
 * configuring its recipients.
 *
 * @param slackWebhookUrl a Slack incoming-webhook URL (default none: Slack disabled)
 * @param discordWebhookUrl a Discord webhook URL (default none: Discord disabled)
 * @param email the email channel (default: no recipients, disabled); the SMTP server is Spring's {@code spring.mail.*}
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
        @DefaultValue Email email,
        @DefaultValue("1h") @NotNull Duration foldWindow,
        @DefaultValue("5s") @NotNull Duration dispatchInterval,
        @DefaultValue("5s") @NotNull Duration retryInitialInterval,
        @DefaultValue("10m") @NotNull Duration retryMaxInterval,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("5s") @NotNull Duration readTimeout,
        @DefaultValue("http://localhost:8083") @NotNull URI publicBaseUrl) {

    /**
     * Email alerts ({@code bikecast.monitoring.alerts.email.*}), sent through Spring's {@code JavaMailSender}: the
     * server, its credentials and its JavaMail properties are {@code spring.mail.host}, {@code .port}, {@code
     * .username}, {@code .password} and {@code .properties.*}.
     *
     * @param to the recipients of every alert (default none: email disabled); one message to all of them
     * @param from the sender address (default none; required once {@code to} is set)
     * @param subjectPrefix put before each subject, e.g. {@code [bikecast] [WARNING] Data drift: bike-demand v3}
     *     (default {@code [bikecast]})
     */
    record Email(
            List<String> to,
            String from,
            @DefaultValue("[bikecast]") String subjectPrefix) {

        Email {
            to = to == null
                    ? List.of()
                    : to.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        }

        /** True if there is anyone to send to. */
        boolean enabled() {
            return !to.isEmpty();
        }
    }
}
