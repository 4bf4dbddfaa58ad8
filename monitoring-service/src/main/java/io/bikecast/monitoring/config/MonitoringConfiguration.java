package io.bikecast.monitoring.config;

import io.bikecast.common.registry.ModelRegistryReader;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The beans the monitoring service shares between its features. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class MonitoringConfiguration {

    @Bean
    ModelRegistryReader modelRegistryReader(DataSource dataSource) {
        return new ModelRegistryReader(dataSource);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
