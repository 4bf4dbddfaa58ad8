package io.bikecast.monitoring.champion;

import io.bikecast.registry.client.TrainingRegistryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The training service's registry, read over its API: the champion and its reference sample belong to the training
 * service, and this service never reads its tables.
 */
@Configuration(proxyBeanMethods = false)
class RegistryClientConfiguration {

    @Bean
    TrainingRegistryClient trainingRegistryClient(RegistryProperties registry) {
        return TrainingRegistryClient.create(registry.baseUrl(), registry.connectTimeout(), registry.readTimeout());
    }
}
