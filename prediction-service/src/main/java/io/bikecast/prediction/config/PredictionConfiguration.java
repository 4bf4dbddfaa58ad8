package io.bikecast.prediction.config;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.prediction.health.KafkaHealthIndicator;
import io.bikecast.prediction.health.ModelHealthIndicator;
import io.bikecast.prediction.health.RegistryHealthIndicator;
import io.bikecast.prediction.log.PredictionLogBuffer;
import io.bikecast.prediction.log.PredictionLogPublisher;
import io.bikecast.prediction.metrics.PredictionMetrics;
import io.bikecast.prediction.model.ModelLoader;
import io.bikecast.prediction.serving.ChallengerRouter;
import io.bikecast.prediction.serving.ModelHolder;
import io.bikecast.prediction.serving.ModelLifecycleListener;
import io.bikecast.prediction.serving.ModelRefresher;
import io.bikecast.prediction.serving.Predictor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the serving path: registry → loader → holder → predictor, the prediction log, and the health indicators. */
@Configuration(proxyBeanMethods = false)
class PredictionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelRegistryReader modelRegistryReader(DataSource dataSource) {
        return new ModelRegistryReader(dataSource);
    }

    @Bean
    ModelHolder modelHolder() {
        return new ModelHolder();
    }

    @Bean
    ModelRefresher modelRefresher(
            ModelRegistryReader registry, ModelHolder holder, PredictionProperties properties, Clock clock) {
        return new ModelRefresher(registry, new ModelLoader(registry, clock), holder, properties, clock);
    }

    @Bean
    ModelLifecycleListener modelLifecycleListener(ModelRefresher refresher, PredictionProperties properties) {
        return new ModelLifecycleListener(refresher, properties);
    }

    @Bean
    ChallengerRouter challengerRouter(PredictionProperties properties) {
        return new ChallengerRouter(properties.challenger());
    }

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
    PredictionMetrics predictionMetrics(MeterRegistry meters, ModelHolder holder) {
        return new PredictionMetrics(meters, holder);
    }

    @Bean
    Predictor predictor(
            ModelHolder holder,
            ChallengerRouter router,
            PredictionLogBuffer buffer,
            PredictionMetrics metrics,
            Clock clock,
            PredictionProperties properties) {
        return new Predictor(holder, router, buffer, metrics, clock, properties.modelName());
    }

    @Bean
    ModelHealthIndicator modelHealthIndicator(
            ModelHolder holder,
            ModelRefresher refresher,
            PredictionLogPublisher publisher,
            PredictionProperties properties) {
        return new ModelHealthIndicator(holder, refresher, publisher, properties.modelName());
    }

    @Bean
    RegistryHealthIndicator registryHealthIndicator(
            ModelRegistryReader registry, ModelHolder holder, PredictionProperties properties) {
        return new RegistryHealthIndicator(registry, holder, properties.modelName());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, PredictionLogPublisher publisher) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), publisher);
    }
}
