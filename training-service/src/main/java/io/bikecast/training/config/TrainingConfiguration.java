package io.bikecast.training.config;

import io.bikecast.common.registry.ModelRegistryReader;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The training service's shared beans; the schedule drives the cron trigger, the worker poll and the outbox relay. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrainingConfiguration {

    /** The same reader the prediction and monitoring services use: every champion comparison verifies the artifact. */
    @Bean
    ModelRegistryReader modelRegistryReader(DataSource dataSource) {
        return new ModelRegistryReader(dataSource);
    }
}
