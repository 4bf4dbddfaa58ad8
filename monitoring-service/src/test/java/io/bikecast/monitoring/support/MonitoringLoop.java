package io.bikecast.monitoring.support;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.WithFakeTrainingRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Import;

/**
 * A loop test of the monitoring service (with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and its
 * properties): real PostgreSQL and Kafka, the training service's registry API played by a fake of the context's own,
 * the {@link MonitoringHarness} to drive it, and scenarios that run in {@code @Order} on one context and one time line
 * (one instance, so {@code @BeforeAll} can prepare the forest once).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@WithFakeTrainingRegistry("bikecast.monitoring.registry.base-url")
@Import(MonitoringHarness.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public @interface MonitoringLoop {}
