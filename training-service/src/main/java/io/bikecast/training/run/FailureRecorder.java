package io.bikecast.training.run;

import io.bikecast.common.events.TrainingFailed;
import io.bikecast.platform.outbox.Outbox;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a failed run and its {@code training-failed} event together; the registry is not touched. */
@Component
public class FailureRecorder {

    private final TrainingRunRepository runs;
    private final Outbox outbox;

    public FailureRecorder(TrainingRunRepository runs, Outbox outbox) {
        this.runs = runs;
        this.outbox = outbox;
    }

    @Transactional
    public void failed(String modelName, UUID runId, Trigger trigger, String error) {
        runs.recordFailure(runId, error);
        outbox.append(TrainingFailed.of(modelName, runId, error, trigger.toSource()));
    }
}
