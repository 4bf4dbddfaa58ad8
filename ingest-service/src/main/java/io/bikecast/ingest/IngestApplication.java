package io.bikecast.ingest;

import io.bikecast.platform.config.BikecastService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The bikecast ingest service: the only door through which demand data enters bikecast. It validates every row
 * against the data contract, stores the good ones in the {@code ingest} schema, reports the bad ones, and announces
 * what it stored through a transactional outbox.
 */
@SpringBootApplication
@BikecastService("ingest-service")
@ConfigurationPropertiesScan
public class IngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }
}
