package io.bikecast.prediction.support;

import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.WithFakeTrainingRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The prediction service on a random port, against the real Kafka broker of the shared test infrastructure and a
 * {@link FakeTrainingRegistry} of its own (for the test: {@code @Autowired FakeTrainingRegistry}), which starts empty,
 * with a disk cache of its own and quick retries. The service starts without a model, as it does in production; before
 * the class's tests, what it {@link #serves()} is registered and the tests start once the background load has it and
 * the service is ready ({@link Http#awaitReady()}).
 *
 * <p>The registry's aliases are re-read every 200 ms while no champion is in hand (backing off to 1 s while the
 * registry fails) and otherwise only on a {@code model-promoted} event: the periodic re-check is set to 10 minutes, so
 * a test sees a change when it caused one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@WithFakeTrainingRegistry("bikecast.prediction.registry.base-url")
@ContextConfiguration(initializers = OwnModelCache.class)
@ExtendWith(ServedModelsExtension.class)
@TestPropertySource(
        properties = {
            "bikecast.prediction.registry.retry-interval=200ms",
            "bikecast.prediction.registry.max-retry-interval=1s",
            "bikecast.prediction.registry-refresh-interval=10m",
            // No ingest service unless a test starts a fake one (port 9 refuses): forecasts are made without history.
            "bikecast.prediction.ingest.base-url=http://127.0.0.1:9",
            "bikecast.prediction.history.retry-interval=200ms",
            "bikecast.prediction.history.max-retry-interval=1s"
        })
public @interface PredictionServiceTest {

    /** What the registry holds when the tests start (default: the champion v1, loaded and served). */
    Serves serves() default Serves.CHAMPION;

    /** Further settings of the service under test, as {@code key=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
