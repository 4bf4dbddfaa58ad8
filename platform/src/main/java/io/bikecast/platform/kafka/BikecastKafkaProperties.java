package io.bikecast.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bikecast uses Kafka, beyond Spring's own {@code spring.kafka.*} settings.
 *
 * @param replicationFactor replicas of each bikecast topic created at start-up (default 1, for a single broker; use 3
 *     in production)
 * @param retryInitialInterval first wait before a failed record is redelivered to its listener (default 500 ms)
 * @param retryMaxInterval longest wait between redeliveries (default 30 s)
 * @param maxDeliveryAttempts deliveries of a record whose listener fails for a reason of the record's own, after which
 *     it goes to {@code <topic>.dlt} and the partition moves on (default 10: about two minutes of back-off). A record
 *     whose listener fails because a dependency is away (the database, another service, the broker) is retried until
 *     it is back, and one that cannot be deserialized goes to the dead-letter topic at once
 */
@ConfigurationProperties("bikecast.kafka")
public record BikecastKafkaProperties(
        @DefaultValue("1") int replicationFactor,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("10") int maxDeliveryAttempts) {

    public BikecastKafkaProperties {
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException(
                    "bikecast.kafka.max-delivery-attempts must be at least 1 but was " + maxDeliveryAttempts);
        }
    }
}
