package io.bikecast.prediction.config;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.prediction.PredictionProperties;
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
import io.bikecast.prediction.serving.ModelSource;
import io.bikecast.prediction.serving.Predictor;
import io.bikecast.registry.client.ModelArtifactCache;
import io.bikecast.registry.client.TrainingRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the serving path: registry client and disk cache → loader → holder → predictor, the prediction log, and the
 * health indicators.
 */
@Configuration(proxyBeanMethods = false)
class PredictionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TrainingRegistryClient trainingRegistryClient(PredictionProperties properties) {
        PredictionProperties.Registry registry = properties.registry();
        return TrainingRegistryClient.create(registry.baseUrl(), registry.connectTimeout(), registry.readTimeout());
    }

    @Bean
    ModelArtifactCache modelArtifactCache(PredictionProperties properties) {
        return new ModelArtifactCache(properties.registry().cacheDirectory());
    }

    @Bean
    ModelSource modelSource(
            TrainingRegistryClient registry, ModelArtifactCache cache, PredictionProperties properties, Clock clock) {
        return new ModelSource(registry, cache, new ModelLoader(clock), properties.modelName());
    }

    @Bean
    ModelHolder modelHolder() {
        return new ModelHolder();
    }

    @Bean
    ModelRefresher modelRefresher(
            ModelSource source, ModelHolder holder, PredictionProperties properties, Clock clock) {
        return new ModelRefresher(source, holder, properties, clock);
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
        return new PredictionMetrics(meters, holder::current);
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
    RegistryHealthIndicator registryHealthIndicator(ModelRefresher refresher, ModelHolder holder) {
        return new RegistryHealthIndicator(refresher, holder);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, PredictionLogPublisher publisher) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), publisher);
    }
}
