package io.bikecast.prediction;

import io.bikecast.platform.config.BikecastService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The bikecast prediction service. */
@SpringBootApplication
@BikecastService("prediction-service")
@ConfigurationPropertiesScan
public class PredictionApplication {

    public static void main(String[] args) {
        SpringApplication.run(PredictionApplication.class, args);
    }
}
