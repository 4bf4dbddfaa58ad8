package io.bikecast.monitoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.monitoring.config.MonitoringDefaults;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retraining policy's decisions for each kind of evidence, with the documented defaults. */
class RetrainingPolicyTest {

    private final RetrainingPolicy policy = new RetrainingPolicy(MonitoringDefaults.properties());

    @Test
    void datasetDriftTriggers() {
        RetrainingDecision decision = policy.decide(report(DriftVerdict.DRIFT, List.of("yr", "mnth", "temp")), null);
        assertThat(decision.retrain()).isTrue();
        assertThat(decision.reasonCodes()).containsExactly(RetrainingPolicy.DATASET_DRIFT);
        assertThat(decision.reason()).isEqualTo("dataset drift: 3 of 12 input features drifted (yr, mnth, temp)");
    }

    @Test
    void answersWithoutEvidenceNeverTrigger() {
        for (DriftVerdict verdict : List.of(DriftVerdict.NO_DRIFT, DriftVerdict.NOT_ENOUGH_DATA, DriftVerdict.ERROR)) {
            assertThat(policy.decide(report(verdict, List.of()), live(LiveError.Status.OK, 40.0, 0.9))
                            .retrain())
                    .as("verdict %s with a healthy live error", verdict)
                    .isFalse();
        }
        assertThat(policy.decide(
                                report(DriftVerdict.ERROR, List.of()),
                                live(LiveError.Status.NOT_ENOUGH_DATA, null, null))
                        .retrain())
                .isFalse();
    }

    @Test
    void liveErrorBeyondItsThresholdsTriggersWhateverTheDriftVerdict() {
        RetrainingDecision lowR2 =
                policy.decide(report(DriftVerdict.NOT_ENOUGH_DATA, List.of()), live(LiveError.Status.OK, 90.0, 0.31));
        assertThat(lowR2.reasonCodes()).containsExactly(RetrainingPolicy.LIVE_R2);
        assertThat(lowR2.reason()).isEqualTo("live R² 0.310 over the last 24h is below the floor 0.500 (100 pairs)");
        assertThat(lowR2.liveErrorDegraded()).isTrue();

        RetrainingDecision both =
                policy.decide(report(DriftVerdict.DRIFT, List.of("yr")), live(LiveError.Status.OK, 180.5, 0.2));
        assertThat(both.reasonCodes())
                .containsExactly(RetrainingPolicy.DATASET_DRIFT, RetrainingPolicy.LIVE_R2, RetrainingPolicy.LIVE_RMSE);
        assertThat(both.reason()).contains("live RMSE 180.5 over the last 24h is above the ceiling 150.0");
    }

    @Test
    void tooFewLivePairsAreNoEvidence() {
        assertThat(policy.decide(
                                report(DriftVerdict.NO_DRIFT, List.of()),
                                live(LiveError.Status.NOT_ENOUGH_DATA, null, null))
                        .retrain())
                .isFalse();
    }

    private static DriftReport report(DriftVerdict verdict, List<String> drifted) {
        return new DriftReport(
                UUID.randomUUID(),
                Instant.now(),
                DriftReport.Trigger.API,
                "bike-demand",
                3L,
                verdict,
                "detail",
                1000,
                400,
                null,
                null,
                null,
                drifted,
                null,
                List.of());
    }

    private static LiveError live(LiveError.Status status, Double rmse, Double r2) {
        return new LiveError(
                "bike-demand",
                3,
                "CHAMPION",
                false,
                "24h",
                LocalDateTime.of(2012, 5, 1, 0, 0),
                LocalDateTime.of(2012, 5, 2, 0, 0),
                status == LiveError.Status.OK ? 100 : 5,
                status,
                rmse,
                rmse == null ? null : rmse * 0.7,
                r2,
                rmse == null ? null : 10.0);
    }
}
