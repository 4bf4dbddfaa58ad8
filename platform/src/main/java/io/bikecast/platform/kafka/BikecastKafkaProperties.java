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
 * @param retryMaxInterval longest wait between redeliveries (default 30 s); a record is retried until it succeeds,
 *     because skipping it would lose data, except when it cannot be deserialized at all
 */
@ConfigurationProperties("bikecast.kafka")
public record BikecastKafkaProperties(
        @DefaultValue("1") int replicationFactor,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval) {}
