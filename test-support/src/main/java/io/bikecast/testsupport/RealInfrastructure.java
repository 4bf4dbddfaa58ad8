package io.bikecast.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a Spring test against a real PostgreSQL server and a real Kafka broker.
 *
 * <p>The servers are started once per test JVM ({@link SharedInfrastructure}); each test class gets a database of
 * its own, created empty, and a broker whose topics were all deleted, so no class sees another's rows or events. The
 * context is closed after the class, which stops its consumers before the next class resets the topics.
 *
 * <p>Which servers: {@code bikecast.test.infrastructure=embedded} (the default: embedded PostgreSQL binaries and
 * spring-kafka's embedded KRaft broker, no Docker) or {@code testcontainers} (containers; the class is skipped, with
 * the reason, where no Docker engine answers).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext
@ExtendWith(InfrastructureAvailability.class)
public @interface RealInfrastructure {}
