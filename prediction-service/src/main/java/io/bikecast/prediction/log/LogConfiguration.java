package io.bikecast.prediction.log;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.prediction.PredictionProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the prediction log: the buffer, its publisher to Kafka, and the {@code kafka} health indicator. */
@Configuration(proxyBeanMethods = false)
class LogConfiguration {

    @Bean
    PredictionLogBuffer predictionLogBuffer(PredictionProperties properties, MeterRegistry meters) {
        return new PredictionLogBuffer(properties.log().capacity(), meters);
    }

    @Bean
    PredictionLogPublisher predictionLogPublisher(
            PredictionLogBuffer buffer,
            KafkaTemplate<String, BikecastEvent> template,
            PredictionProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new PredictionLogPublisher(buffer, template, properties.log(), clock, meters);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, PredictionLogPublisher publisher) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), publisher);
    }
}
