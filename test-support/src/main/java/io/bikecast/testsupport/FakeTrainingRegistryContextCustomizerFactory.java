package io.bikecast.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts the {@link FakeTrainingRegistry} of a {@link WithFakeTrainingRegistry} test class's context, points the
 * named property at it, registers it as a bean and stops it when the context closes. Registered in {@code
 * META-INF/spring.factories}.
 */
public final class FakeTrainingRegistryContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithFakeTrainingRegistry fake =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, WithFakeTrainingRegistry.class);
        return fake == null ? null : new FakeTrainingRegistryCustomizer(fake.value(), fake.modelName());
    }

    /** One registry per context: what one test class registered is never another's champion. */
    private record FakeTrainingRegistryCustomizer(String baseUrlProperty, String modelName)
            implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            FakeTrainingRegistry registry = FakeTrainingRegistry.start(modelName);
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "bikecast-fake-training-registry", Map.of(baseUrlProperty, registry.baseUrl())));
            context.getBeanFactory().registerSingleton("fakeTrainingRegistry", registry);
            // A registered singleton gets no destruction callback: stop it when this context closes.
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    registry.close();
                }
            });
        }
    }
}
