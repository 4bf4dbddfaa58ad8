package io.bikecast.platform.outbox;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transactional outbox of a service that publishes events ({@code bikecast.outbox.*}), the same settings in every
 * such service.
 *
 * @param table the service's outbox table, schema-qualified ({@code ingest.outbox}, {@code registry.outbox}, {@code
 *     monitoring.outbox}). The service's own Flyway migration creates it with the columns {@code docs/architecture.md}
 *     lists; the relay checks them at start-up. Naming it turns the outbox on, in a service that has a DataSource
 * @param pollInterval how often the relay looks for events it was not woken for (default 1s): a commit in this
 *     instance wakes it at once, so the poll only finds what another instance or an earlier run left
 * @param batchSize how many events one round reads and sends before it awaits their acknowledgements (default 2000)
 * @param sendTimeout how long a round waits for those acknowledgements (default 30s); what is not acknowledged by then
 *     stays pending and goes out in a later round
 * @param maxAttempts failed attempts after which an event Kafka can never take (its payload no longer reads as an
 *     event, the record is too large, the topic name is invalid) is parked, so that the events after it go out (default
 *     5). An event that failed because Kafka was unreachable is never parked, however often it failed
 * @param retryInitialInterval how long the relay waits after a round that left an event pending (default 500ms); the
 *     wait doubles with each further such round
 * @param retryMaxInterval the longest wait between such rounds (default 30s)
 * @param retention how long published events are kept for inspection before they are deleted (default 7d); parked
 *     events are kept until someone deals with them
 * @param relayEnabled false leaves the publishing to other instances, or to a test that drives {@link OutboxRelay}
 *     itself (default true)
 */
@ConfigurationProperties("bikecast.outbox")
@Validated
public record OutboxProperties(
        @NotNull @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")
        String table,

        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2000") @Positive int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("5") @Positive int maxAttempts,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("true") boolean relayEnabled) {}
