package io.bikecast.testsupport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the context of a {@link RealInfrastructure} test class at its own fresh database and the shared broker.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RealInfrastructure.class)) {
            return null;
        }
        return new RealInfrastructureCustomizer(outermost(testClass));
    }

    /** {@code @Nested} classes share their enclosing class's context, database and topics. */
    private static Class<?> outermost(Class<?> testClass) {
        Class<?> outer = testClass;
        while (outer.isMemberClass() && !java.lang.reflect.Modifier.isStatic(outer.getModifiers())) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    /**
     * A service refuses to start without an API key of its own; a test that names none gets this one, so it runs like a
     * configured deployment.
     */
    static final String TEST_API_KEY = "test-key";

    private static final String API_KEY_PROPERTY = "bikecast.security.api-key.key";

    private static boolean namesApiKey(MergedContextConfiguration config) {
        return Arrays.stream(config.getPropertySourceProperties())
                .anyMatch(property -> property.startsWith(API_KEY_PROPERTY + "="));
    }

    /** One per top-level test class: no two classes share a context, a database or the events they caused. */
    private record RealInfrastructureCustomizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestInfrastructure infrastructure = SharedInfrastructure.get();
            String database = SharedInfrastructure.createDatabase();
            SharedInfrastructure.deleteAllTopics();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.datasource.url", infrastructure.jdbcUrl(database),
                    "spring.datasource.username", infrastructure.username(),
                    "spring.datasource.password", infrastructure.password(),
                    "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                    "bikecast.test.database", database));
            if (!namesApiKey(config)) {
                properties.put(API_KEY_PROPERTY, TEST_API_KEY);
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("bikecast-real-infrastructure", properties));
        }
    }
}
