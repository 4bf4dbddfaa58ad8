package io.bikecast.platform.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a bikecast service on its {@code @SpringBootApplication} class. The name is the service's configuration file
 * ({@code <name>.yml} instead of {@code application.yml}), so that several services can run in one JVM, as the local
 * suite and the end-to-end test do, each reading its own settings.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BikecastService {

    /** The service's name, e.g. {@code ingest-service}. */
    String value();
}
