package io.bikecast.monitoring.config;

import io.bikecast.registry.client.TrainingRegistryClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The beans the monitoring service shares between its features. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MonitoringConfiguration {

    /**
     * The training service's registry, read over its API: the champion and its reference sample belong to the
     * training service, and this service never reads its tables.
     */
    @Bean
    TrainingRegistryClient trainingRegistryClient(MonitoringProperties properties) {
        MonitoringProperties.Registry registry = properties.registry();
        return TrainingRegistryClient.create(registry.baseUrl(), registry.connectTimeout(), registry.readTimeout());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
