package io.bikecast.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the settings every bikecast service shares ({@code bikecast-defaults.properties}: actuator probes and
 * Prometheus, graceful shutdown, Kafka reliability, OpenAPI paths) with the lowest precedence, so that a service's own
 * {@code application.yml}, a profile or an environment variable still overrides each one. With the {@code json-logs}
 * profile, console logs become structured JSON (Elastic Common Schema).
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "bikecast-defaults.properties";
    static final String JSON_LOGS_PROFILE = "json-logs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = load();
        if (environment.acceptsProfiles(Profiles.of(JSON_LOGS_PROFILE))) {
            defaults.setProperty("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource("bikecastPlatformDefaults", defaults));
    }

    private static Properties load() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("the platform defaults " + RESOURCE + " are missing", e);
        }
    }

    /** After the config data, so that the active profiles are known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
