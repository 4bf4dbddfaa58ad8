package io.bikecast.platform.kafka;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Where a record goes that its listener cannot process: {@code <topic>.dlt}, with Spring Kafka's exception headers
 * (class, message, stack trace, original topic, partition and offset), counted in {@code bikecast.kafka.dead.letters}
 * and logged, so that nothing is dropped without a trace and the partition moves on. A record that cannot be
 * deserialized goes there at once, with its original bytes; one whose listener keeps failing, after {@code
 * bikecast.kafka.max-delivery-attempts}.
 *
 * <p>A failure because a dependency is unavailable (the database, another service over HTTP, the broker) is not the
 * record's fault: {@link #dependencyDown} tells them apart, and those records are retried until the dependency is back,
 * holding the partition as a service must while what it writes to is away.
 */
final class DeadLetters {

    /** What a topic's dead-letter topic is named: {@code bikecast.actuals.dlt}. */
    static final String SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    /** Publishes to {@code <topic>.dlt}: events as JSON, undeserializable records as the bytes they arrived as. */
    static ConsumerRecordRecoverer recoverer(
            ProducerFactory<String, BikecastEvent> events,
            KafkaTemplate<String, BikecastEvent> template,
            MeterRegistry meters) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(
                byte[].class,
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                        events.getConfigurationProperties(), new StringSerializer(), new ByteArraySerializer())));
        templates.put(Object.class, template);
        // Every topic's counter exists from the start, at 0, so an alert on it has a series to evaluate.
        Topics.ALL.forEach(topic -> counter(meters, topic.name()));
        DeadLetterPublishingRecoverer publishing = new DeadLetterPublishingRecoverer(
                templates, (record, exception) -> new TopicPartition(record.topic() + SUFFIX, -1));
        return (record, exception) -> {
            log.error(
                    "{}-{}@{} goes to {}{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.topic(),
                    SUFFIX,
                    exception.toString());
            publishing.accept(record, exception);
            counter(meters, record.topic()).increment();
        };
    }

    private static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder("bikecast.kafka.dead.letters")
                .description("Records sent to their topic's dead-letter topic, by original topic")
                .tag("topic", topic)
                .register(meters);
    }

    /** Whether the failure, or anything that caused it, says a dependency is away rather than that the record is bad. */
    static boolean dependencyDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof ResourceAccessException
                    || cause instanceof ConnectException
                    || cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
