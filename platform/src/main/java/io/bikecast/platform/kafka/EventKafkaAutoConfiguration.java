package io.bikecast.platform.kafka;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as every bikecast service uses it: events as JSON in {@link EventJson}'s shape (the type travels in the
 * payload, not in headers, so any consumer can read it), every topic of {@link Topics} and its dead-letter topic
 * created at start-up, and listeners that retry a failing record with back-off and park it in the dead-letter topic
 * when it cannot be processed, instead of dropping it or stalling its partition.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(BikecastKafkaProperties.class)
public class EventKafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer bikecastEventSerializer() {
        return factory -> {
            @SuppressWarnings("unchecked")
            var events = (org.springframework.kafka.core.DefaultKafkaProducerFactory<String, BikecastEvent>) factory;
            events.setKeySerializer(new StringSerializer());
            events.setValueSerializer(new JacksonJsonSerializer<BikecastEvent>(EventJson.mapper()).noTypeInfo());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer bikecastEventDeserializer() {
        return factory -> {
            @SuppressWarnings("unchecked")
            var events = (org.springframework.kafka.core.DefaultKafkaConsumerFactory<String, BikecastEvent>) factory;
            events.setKeyDeserializer(new StringDeserializer());
            events.setValueDeserializer(new ErrorHandlingDeserializer<>(
                    new JacksonJsonDeserializer<>(BikecastEvent.class, EventJson.mapper(), false)));
        };
    }

    @Bean
    KafkaAdmin.NewTopics bikecastTopics(BikecastKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> Stream.of(
                        TopicBuilder.name(topic.name())
                                .partitions(topic.partitions())
                                .replicas(properties.replicationFactor())
                                .build(),
                        TopicBuilder.name(topic.name() + DeadLetters.SUFFIX)
                                .partitions(1)
                                .replicas(properties.replicationFactor())
                                .build()))
                .toArray(NewTopic[]::new));
    }

    /**
     * Retries a failing record with back-off: until its dependency is back when one is away, else up to {@code
     * max-delivery-attempts} deliveries; then, or at once for a record that cannot be deserialized, it goes to its
     * dead-letter topic ({@link DeadLetters}).
     */
    @Bean
    CommonErrorHandler bikecastListenerErrorHandler(
            BikecastKafkaProperties properties,
            ProducerFactory<String, BikecastEvent> producers,
            KafkaTemplate<String, BikecastEvent> template,
            MeterRegistry meters) {
        ExponentialBackOffWithMaxRetries bounded =
                new ExponentialBackOffWithMaxRetries(properties.maxDeliveryAttempts() - 1);
        bounded.setInitialInterval(properties.retryInitialInterval().toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler =
                new DefaultErrorHandler(DeadLetters.recoverer(producers, template, meters), bounded);
        handler.setBackOffFunction((record, exception) -> {
            if (!DeadLetters.dependencyDown(exception)) {
                return null;
            }
            ExponentialBackOff untilBack =
                    new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
            untilBack.setMaxInterval(properties.retryMaxInterval().toMillis());
            return untilBack;
        });
        return handler;
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, BikecastEvent> template) {
        return new EventPublisher(template);
    }
}
