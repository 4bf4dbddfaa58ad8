package io.bikecast.prediction.serving;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.log.PredictionLogPublisher;
import io.bikecast.prediction.model.ModelLoader;
import io.bikecast.registry.client.ModelArtifactCache;
import io.bikecast.registry.client.TrainingRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what is served: the registry client and disk cache → source → refresher → holder, the promotion listener,
 * readiness, and the {@code model} and {@code registry} health indicators.
 */
@Configuration(proxyBeanMethods = false)
class ServingConfiguration {

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
    ModelHolder modelHolder() {
        return new ModelHolder();
    }

    @Bean
    ServingMetrics servingMetrics(MeterRegistry meters, ModelHolder holder, PredictionProperties properties) {
        return new ServingMetrics(meters, holder, properties.modelName());
    }

    @Bean
    ModelRefresher modelRefresher(
            TrainingRegistryClient registry,
            ModelArtifactCache cache,
            ModelHolder holder,
            ServingMetrics metrics,
            PredictionProperties properties,
            Clock clock) {
        ModelSource source = new ModelSource(
                registry,
                cache,
                new ModelLoader(clock),
                properties.modelName(),
                properties.registry().maxArtifactSize());
        return new ModelRefresher(source, holder, metrics, properties, clock);
    }

    @Bean
    ServedFamilies servedFamilies(
            TrainingRegistryClient registry,
            ModelArtifactCache cache,
            MeterRegistry meters,
            PredictionProperties properties,
            Clock clock) {
        List<ServedFamilies.Family> families = new ArrayList<>();
        for (PredictionProperties.Family family : properties.families()) {
            ModelHolder holder = new ModelHolder();
            ModelSource source = new ModelSource(
                    registry.forModel(family.modelName()),
                    cache,
                    new ModelLoader(clock),
                    family.modelName(),
                    properties.registry().maxArtifactSize());
            ModelRefresher refresher = new ModelRefresher(
                    source, holder, new ServingMetrics(meters, holder, family.modelName()), properties, clock);
            families.add(new ServedFamilies.Family(
                    new ServedFamilies.Served(family.modelName(), family.seriesPrefix(), holder), refresher));
        }
        return new ServedFamilies(families);
    }

    @Bean
    ModelLifecycleListener modelLifecycleListener(
            ModelRefresher refresher, ServedFamilies families, PredictionProperties properties) {
        return new ModelLifecycleListener(refresher, families, properties);
    }

    /** Named as Boot's own, which it replaces (Boot defines one only when the context has none). */
    @Bean
    ChampionReadiness applicationAvailability(ModelHolder holder) {
        return new ChampionReadiness(holder);
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
}
