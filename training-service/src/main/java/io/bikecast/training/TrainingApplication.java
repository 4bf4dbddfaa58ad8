package io.bikecast.training;

import io.bikecast.platform.config.BikecastService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The bikecast training service. Scheduling drives the worker's poll, the run lease's heartbeat and the optional cron
 * trigger. Each direct sub-package is a feature; {@code ModularityTests} keeps them acyclic.
 */
@SpringBootApplication
@BikecastService("training-service")
@ConfigurationPropertiesScan
@EnableScheduling
public class TrainingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingApplication.class, args);
    }
}
