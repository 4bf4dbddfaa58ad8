package io.bikecast.training.config;

import io.bikecast.training.registry.ModelRegistryReader;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The training service's shared beans; the schedule drives the cron trigger and the worker poll. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrainingConfiguration {

    /** The registry's reader (only this service reads its tables): every champion comparison verifies the artifact. */
    @Bean
    ModelRegistryReader modelRegistryReader(DataSource dataSource) {
        return new ModelRegistryReader(dataSource);
    }
}
