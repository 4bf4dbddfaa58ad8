package io.bikecast.monitoring.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers stored alerts, every {@code dispatch-interval}: each due delivery is claimed under a row lock (so two
 * instances never send the same one), sent, and marked delivered in the same transaction; a failure schedules the
 * next attempt with exponential back-off (initial interval doubling, capped), forever: a webhook that is down delays
 * an alert, never loses it (a mail server that is down too). Each attempt is counted: {@code bikecast_alert_deliveries_total{channel, outcome}}.
 */
@Configuration(proxyBeanMethods = false)
class AlertDispatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final int MAX_PER_RUN = 100;

    private final AlertStore store;
    private final AlertSenders sender;
    private final TransactionTemplate transactions;
    private final AlertProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;

    AlertDispatcher(
            AlertStore store,
            AlertSenders sender,
            TransactionTemplate transactions,
            AlertProperties settings,
            MeterRegistry meters,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.transactions = transactions;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::dispatchDue, settings.dispatchInterval());
    }

    /** Sends every due delivery (at most 100 per run); returns how many were attempted. */
    int dispatchDue() {
        int attempted = 0;
        try {
            while (attempted < MAX_PER_RUN && Boolean.TRUE.equals(transactions.execute(status -> dispatchOne()))) {
                attempted++;
            }
        } catch (RuntimeException e) {
            log.warn("alert dispatch stopped early; the next run continues", e);
        }
        return attempted;
    }

    private boolean dispatchOne() {
        Instant now = clock.instant();
        Optional<AlertStore.DueDelivery> due = store.claimDue(now);
        if (due.isEmpty()) {
            return false;
        }
        AlertStore.DueDelivery delivery = due.get();
        StoredAlert alert = store.find(delivery.alertId()).orElseThrow();
        try {
            sender.send(delivery.channel(), alert, delivery.message());
            store.delivered(delivery, clock.instant());
            counted(delivery.channel(), "delivered");
        } catch (RuntimeException e) {
            Duration wait = backoff(delivery.attempts() + 1);
            store.failed(delivery, clock.instant().plus(wait), describe(e));
            counted(delivery.channel(), "failed");
            log.warn(
                    "{} delivery of alert {} ({}) failed (attempt {}), retrying in {}: {}",
                    delivery.channel(),
                    alert.id(),
                    delivery.message(),
                    delivery.attempts() + 1,
                    wait,
                    describe(e));
        }
        return true;
    }

    private void counted(Channel channel, String outcome) {
        Counter.builder("bikecast.alert.deliveries")
                .description("alert delivery attempts by channel and outcome")
                .tag("channel", channel.name())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /** The wait after the n-th failed attempt: initial × 2^(n−1), at most the maximum. */
    Duration backoff(int failedAttempts) {
        long initial = settings.retryInitialInterval().toMillis();
        long max = settings.retryMaxInterval().toMillis();
        int doublings = Math.min(failedAttempts - 1, 30);
        return Duration.ofMillis(Math.min(max, initial * (1L << doublings)));
    }

    private static String describe(RuntimeException e) {
        // A DeliveryFailure says it all, without the channel's secrets; anything else is named by its type too.
        String message =
                e instanceof DeliveryFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
