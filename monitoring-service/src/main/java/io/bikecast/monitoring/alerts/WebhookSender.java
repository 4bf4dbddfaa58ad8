package io.bikecast.monitoring.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Posts alerts to the configured webhooks with Spring's {@link RestClient}, with connect and read timeouts so a hung
 * webhook cannot stall the dispatcher. Any non-2xx answer or I/O error is thrown as a {@link WebhookFailure}, which never
 * holds the URL (it carries the webhook's token): the dispatcher retries.
 */
@Component
class WebhookSender {

    private final RestClient client;
    private final Map<Channel, URI> urls = new EnumMap<>(Channel.class);

    WebhookSender(AlertProperties alerts) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(alerts.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(alerts.readTimeout());
        this.client = RestClient.builder().requestFactory(factory).build();
        configured(alerts.slackWebhookUrl()).ifPresent(url -> urls.put(Channel.SLACK, url));
        configured(alerts.discordWebhookUrl()).ifPresent(url -> urls.put(Channel.DISCORD, url));
    }

    /** The channels with a webhook URL. */
    Set<Channel> enabledChannels() {
        return Set.copyOf(urls.keySet());
    }

    void send(Channel channel, StoredAlert alert, Message message) {
        URI url = urls.get(channel);
        if (url == null) {
            throw new IllegalStateException(channel + " has no webhook URL configured any more");
        }
        Object body = switch (channel) {
            case SLACK -> WebhookPayloads.slack(alert, message);
            case DISCORD -> WebhookPayloads.discord(alert, message);
            case EMAIL -> throw new IllegalArgumentException("email is not a webhook");
        };
        try {
            client.post()
                    .uri(url)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            throw WebhookFailure.of(channel, url.toString(), e);
        }
    }

    private static Optional<URI> configured(URI url) {
        return url == null || url.toString().isBlank() ? Optional.empty() : Optional.of(url);
    }
}
