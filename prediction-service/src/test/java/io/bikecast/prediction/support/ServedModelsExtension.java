package io.bikecast.prediction.support;

import io.bikecast.testsupport.FakeTrainingRegistry;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before a {@link PredictionServiceTest} class's tests, registers in its fake registry what the class {@link
 * PredictionServiceTest#serves() serves} and, unless that is nothing, waits until the service has loaded it and is
 * ready: the one place the tests wait for the background load.
 */
final class ServedModelsExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext extension) {
        PredictionServiceTest test = AnnotatedElementUtils.findMergedAnnotation(
                extension.getRequiredTestClass(), PredictionServiceTest.class);
        if (test == null || test.serves() == Serves.NOTHING) {
            return;
        }
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        test.serves().register(context.getBean(FakeTrainingRegistry.class));
        new Http(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"))).awaitReady();
    }
}
