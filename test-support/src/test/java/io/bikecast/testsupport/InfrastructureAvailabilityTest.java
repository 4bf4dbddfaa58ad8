package io.bikecast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.testcontainers.DockerClientFactory;

class InfrastructureAvailabilityTest {

    @AfterEach
    void restoreTheDefaultMode() {
        System.clearProperty(InfrastructureMode.PROPERTY);
    }

    @Test
    void embeddedModeNeedsNoDocker() {
        System.setProperty(InfrastructureMode.PROPERTY, "embedded");

        assertThat(new InfrastructureAvailability()
                        .evaluateExecutionCondition(null)
                        .isDisabled())
                .isFalse();
    }

    @Test
    void testcontainersModeRunsOnlyWhereDockerAnswersAndSaysWhyOtherwise() {
        System.setProperty(InfrastructureMode.PROPERTY, "testcontainers");

        ConditionEvaluationResult result = new InfrastructureAvailability().evaluateExecutionCondition(null);

        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        assertThat(result.isDisabled()).isEqualTo(!docker);
        if (!docker) {
            assertThat(result.getReason())
                    .hasValueSatisfying(reason -> assertThat(reason)
                            .contains("no Docker engine")
                            .contains(InfrastructureMode.PROPERTY + "=embedded"));
        }
    }

    @Test
    void refusesAnUnknownMode() {
        System.setProperty(InfrastructureMode.PROPERTY, "docker-desktop");

        org.assertj.core.api.Assertions.assertThatThrownBy(InfrastructureMode::selected)
                .hasMessageContaining("'embedded' or 'testcontainers'");
    }
}
