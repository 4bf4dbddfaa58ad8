package io.bikecast.training.run;

import io.bikecast.common.events.TrainingFailed;
import io.bikecast.platform.outbox.Outbox;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records a failed run and its {@code training-failed} event together; the registry is not touched. */
@Component
class FailureRecorder {

    private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

    private final TransactionTemplate transactions;
    private final TrainingRunRepository runs;
    private final Outbox outbox;

    FailureRecorder(TransactionTemplate transactions, TrainingRunRepository runs, Outbox outbox) {
        this.transactions = transactions;
        this.runs = runs;
        this.outbox = outbox;
    }

    /**
     * Records that a run failed, unless another instance took it over meanwhile: then its new owner records the
     * outcome, and this instance announces nothing.
     */
    void failed(ClaimedRun run, String error) {
        transactions.executeWithoutResult(status -> {
            if (runs.recordFailure(run, error)) {
                outbox.append(TrainingFailed.of(
                        run.modelName(), run.id(), error, run.trigger().toSource()));
            } else {
                log.warn(
                        "run {} of {} failed on {} after another instance took it over; its new owner records it",
                        run.id(),
                        run.modelName(),
                        run.owner());
            }
        });
    }

    /** Records that a run no instance finished was given up; joins the claim's transaction. */
    void abandoned(String modelName, UUID runId, Trigger trigger, String error) {
        transactions.executeWithoutResult(status -> {
            runs.recordAbandoned(runId, error);
            outbox.append(TrainingFailed.of(modelName, runId, error, trigger.toSource()));
        });
        log.warn("run {} of {} failed: {}", runId, modelName, error);
    }
}
