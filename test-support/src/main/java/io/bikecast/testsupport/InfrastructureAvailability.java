package io.bikecast.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips, with the reason, tests that asked for containers on a machine without a Docker engine: such a run proves
 * nothing either way, so it must be neither a failure nor a silent pass.
 */
public final class InfrastructureAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        InfrastructureMode mode = InfrastructureMode.selected();
        if (mode == InfrastructureMode.EMBEDDED) {
            return ConditionEvaluationResult.enabled("embedded PostgreSQL and Kafka need no Docker engine");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available for Testcontainers");
        }
        return ConditionEvaluationResult.disabled(InfrastructureMode.PROPERTY
                + "=testcontainers but no Docker engine is reachable; run with "
                + InfrastructureMode.PROPERTY + "=embedded (the default) to use embedded servers instead");
    }
}
