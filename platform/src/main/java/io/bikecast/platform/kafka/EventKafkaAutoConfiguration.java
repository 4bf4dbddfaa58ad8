package io.bikecast.platform.kafka;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import io.bikecast.common.events.Topics;
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
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as every bikecast service uses it: events as JSON in {@link EventJson}'s shape (the type travels in the
 * payload, not in headers, so any consumer can read it), every topic of {@link Topics} created at start-up, and
 * listeners that retry a failing record with back-off instead of dropping it.
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
                .map(topic -> TopicBuilder.name(topic.name())
                        .partitions(topic.partitions())
                        .replicas(properties.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler bikecastListenerErrorHandler(BikecastKafkaProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, BikecastEvent> template) {
        return new EventPublisher(template);
    }
}
