package io.bikecast.monitoring.alerts;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every channel's sender, behind one door: which channels are enabled, and sending an alert to one of them. */
@Component
class AlertSenders {

    private final WebhookSender webhooks;
    private final EmailSender email;

    AlertSenders(WebhookSender webhooks, EmailSender email) {
        this.webhooks = webhooks;
        this.email = email;
    }

    /** The channels configured to receive alerts. */
    Set<Channel> enabledChannels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        channels.addAll(webhooks.enabledChannels());
        if (email.enabled()) {
            channels.add(Channel.EMAIL);
        }
        return Set.copyOf(channels);
    }

    /**
     * Sends a message of the alert to the channel; throws a {@link DeliveryFailure} (or another exception) if it
     * could not.
     */
    void send(Channel channel, StoredAlert alert, Message message) {
        switch (channel) {
            case SLACK, DISCORD -> webhooks.send(channel, alert, message);
            case EMAIL -> email.send(alert, message);
        }
    }
}
