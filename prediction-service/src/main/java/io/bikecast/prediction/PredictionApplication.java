package io.bikecast.prediction;

import io.bikecast.platform.config.BikecastService;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The bikecast prediction service. Each sub-package is one thing it does (see docs/prediction-service.md, "Code
 * layout"); the clock they read is the system's, in UTC.
 */
@SpringBootApplication
@BikecastService("prediction-service")
@ConfigurationPropertiesScan
public class PredictionApplication {

    public static void main(String[] args) {
        SpringApplication.run(PredictionApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
