package io.bikecast.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.platform.web.WebAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Issue 15, point 2: a deployment that forgets {@code BIKECAST_API_KEY} must not start with no key or with the one the
 * README publishes, and the message must say what to set.
 */
class ApiKeyStartupCheckTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class))
            .withPropertyValues("bikecast.security.api-key.protected-paths=/api/v1/things/**");

    @Test
    void aServiceWithGuardedPathsAndNoKeyDoesNotStartAndSaysWhatToSet() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("No API key is set")
                    .hasMessageContaining("BIKECAST_API_KEY");
        });
    }

    @Test
    void aBlankKeyIsNoKey() {
        service.withPropertyValues("bikecast.security.api-key.key=  ")
                .run(context ->
                        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("No API key is set"));
    }

    @Test
    void thePublishedKeyIsRefusedOutsideTheLocalSuite() {
        service.withPropertyValues("bikecast.security.api-key.key=local-dev-key")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("published 'local-dev-key'")
                            .hasMessageContaining("BIKECAST_API_KEY");
                });
    }

    @Test
    void theLocalSuiteMayUseThePublishedKey() {
        service.withPropertyValues(
                        "bikecast.security.api-key.key=local-dev-key",
                        "bikecast.security.api-key.allow-published-key=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aKeyOfTheOperatorsOwnStarts() {
        service.withPropertyValues("bikecast.security.api-key.key=s3cr3t-of-our-own")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ApiKeyStartupCheck.class));
    }

    @Test
    void aServiceThatGuardsNothingNeedsNoKey() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed());
    }
}
