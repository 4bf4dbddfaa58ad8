package io.bikecast.monitoring;

import io.bikecast.platform.config.BikecastService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The bikecast monitoring service. Each sub-package is one thing it does (see its package-info); scheduling is on
 * for the drift checks, the live-error refresh and the alert dispatcher.
 */
@SpringBootApplication
@BikecastService("monitoring-service")
@ConfigurationPropertiesScan
@EnableScheduling
public class MonitoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringApplication.class, args);
    }
}
