package io.bikecast.prediction.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the service under test an empty disk cache of its own, so that no test class starts from the models another
 * one left behind. A property source, not a placeholder such as {@code ${random.uuid}}, which would name another
 * directory each time it is read.
 */
public final class OwnModelCache implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "bikecast-test-model-cache",
                        Map.of("bikecast.prediction.registry.cache-directory", TestModels.newCacheDirectory())));
    }
}
