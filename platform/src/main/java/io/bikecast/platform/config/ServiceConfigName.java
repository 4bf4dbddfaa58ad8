package io.bikecast.platform.config;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.config.name} at the name given by {@link BikecastService} on the application's sources, before
 * the configuration files are read. An explicit {@code spring.config.name} (a system property, say) still wins.
 */
public class ServiceConfigName implements EnvironmentPostProcessor, Ordered {

    static final String CONFIG_NAME = "spring.config.name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(CONFIG_NAME)) {
            return;
        }
        serviceName(application)
                .ifPresent(name -> environment
                        .getPropertySources()
                        .addLast(new MapPropertySource("bikecastServiceConfigName", Map.of(CONFIG_NAME, name))));
    }

    private static Optional<String> serviceName(SpringApplication application) {
        return application.getAllSources().stream()
                .filter(Class.class::isInstance)
                .map(source -> MergedAnnotations.from(
                                (Class<?>) source, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                        .get(BikecastService.class))
                .filter(annotation -> annotation.isPresent())
                .map(annotation -> annotation.getString("value"))
                .findFirst();
    }

    /** Before {@code ConfigDataEnvironmentPostProcessor}, which reads the files {@code spring.config.name} names. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
