package io.bikecast.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring context of a test class a {@link FakeTrainingRegistry} of its own, started before the context and
 * stopped with it: the service under test finds it at the base-URL property named here, and the test gets it with
 * {@code @Autowired}. For a service that reads the registry while it runs (monitoring); a service that needs models
 * before its context has started (prediction) starts its fake itself and registers them first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithFakeTrainingRegistry {

    /** The property of the service under test that holds the training service's base URL. */
    String value();

    /** The model the registry serves (the training service serves one). */
    String modelName() default "bike-demand";
}
