package io.bikecast.monitoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.monitoring.champion.ServedChampion;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import io.bikecast.monitoring.support.SettingsDefaults;
import io.bikecast.platform.clock.ClockMode;
import io.bikecast.platform.clock.ClockProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retraining policy's decisions for each kind of evidence, with the documented defaults. */
class RetrainingPolicyTest {

    private static final LocalDateTime TRAINED_THROUGH = LocalDateTime.of(2012, 9, 1, 0, 0);
    private static final ClockReading A_DAY_LATER = MonitoringClock.at(TRAINED_THROUGH.plusDays(1));

    private final RetrainingPolicy policy =
            new RetrainingPolicy(SettingsDefaults.of(PolicyProperties.class), new ClockProperties(ClockMode.DATA));
    private final RetrainingPolicy wallPolicy =
            new RetrainingPolicy(SettingsDefaults.of(PolicyProperties.class), new ClockProperties(ClockMode.WALL));

    @Test
    void datasetDriftOfTheWeatherTriggers() {
        RetrainingDecision decision = policy.decide(
                report(DriftVerdict.DRIFT, List.of("temp", "atemp", "hum")), null, champion(60.0), A_DAY_LATER);
        assertThat(decision.retrain()).isTrue();
        assertThat(decision.reasonCodes()).containsExactly(RetrainingPolicy.DATASET_DRIFT);
        assertThat(decision.reason()).isEqualTo("dataset drift: 3 of 5 weather features drifted (temp, atemp, hum)");
        assertThat(decision.driftOrDegradation()).isTrue();
    }

    @Test
    void answersWithoutEvidenceNeverTrigger() {
        for (DriftVerdict verdict : List.of(DriftVerdict.NO_DRIFT, DriftVerdict.NOT_ENOUGH_DATA, DriftVerdict.ERROR)) {
            assertThat(policy.decide(
                                    report(verdict, List.of()),
                                    live(LiveError.Status.OK, 40.0),
                                    champion(60.0),
                                    A_DAY_LATER)
                            .retrain())
                    .as("verdict %s with a healthy live error and a fresh fit", verdict)
                    .isFalse();
        }
    }

    @Test
    void aModelServingAtOneAndAHalfTimesItsHoldoutErrorIsDegraded() {
        RetrainingDecision degraded = policy.decide(
                report(DriftVerdict.NOT_ENOUGH_DATA, List.of()),
                live(LiveError.Status.OK, 90.0),
                champion(60.0),
                A_DAY_LATER);
        assertThat(degraded.reasonCodes()).containsExactly(RetrainingPolicy.LIVE_ERROR_DEGRADED);
        assertThat(degraded.reason())
                .isEqualTo("live error degraded: live RMSE 90.0 over the last 168h is 1.50× the holdout RMSE 60.0 of v3"
                        + " (limit 1.50×, 100 pairs)");
        assertThat(degraded.liveErrorDegraded()).isTrue();
    }

    @Test
    void aModelThatAlwaysScoredNinetyIsNotDegradedAtNinety() {
        assertThat(policy.decide(
                                report(DriftVerdict.NO_DRIFT, List.of()),
                                live(LiveError.Status.OK, 90.0),
                                champion(90.0),
                                A_DAY_LATER)
                        .retrain())
                .isFalse();
    }

    @Test
    void tooFewLivePairsOrAnUnknownHoldoutErrorAreNoEvidence() {
        assertThat(policy.decide(
                                report(DriftVerdict.NO_DRIFT, List.of()),
                                live(LiveError.Status.NOT_ENOUGH_DATA, null),
                                champion(60.0),
                                A_DAY_LATER)
                        .retrain())
                .isFalse();
        assertThat(policy.decide(
                                report(DriftVerdict.NO_DRIFT, List.of()),
                                live(LiveError.Status.OK, 500.0),
                                champion(null),
                                A_DAY_LATER)
                        .retrain())
                .isFalse();
    }

    @Test
    void underTheDataClockTheRefreshIsDueThreeDaysAfterTheLastHourTheFitLearnedFrom() {
        ClockReading almost = MonitoringClock.at(TRAINED_THROUGH.plusDays(3).minusHours(1));
        assertThat(policy.decide(null, null, champion(60.0), almost).retrain()).isFalse();

        ClockReading due = MonitoringClock.at(TRAINED_THROUGH.plusDays(3));
        RetrainingDecision refresh = policy.decide(null, null, champion(60.0), due);
        assertThat(refresh.reasonCodes()).containsExactly(RetrainingPolicy.SCHEDULED_REFRESH);
        assertThat(refresh.reason())
                .isEqualTo("scheduled refresh: the served fit of v3 learned from data through 2012-09-01T00:00,"
                        + " 3d before 2012-09-04T00:00 (refresh interval 3d)");
        assertThat(refresh.driftOrDegradation()).isFalse();

        ServedChampion fromAnOlderProducer = new ServedChampion(
                "bike-demand", 3, 60.0, null, TRAINED_THROUGH.plusDays(1), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(policy.decide(null, null, fromAnOlderProducer, due).retrain())
                .as("without trainedThrough the fit is as old as the clock when the promotion was received")
                .isFalse();
    }

    @Test
    void underTheWallClockTheRefreshIsDueThreeDaysAfterThePromotion() {
        ServedChampion champion = champion(60.0);
        Instant promoted = champion.receivedAt();
        ClockReading twoDays = new ClockReading(LocalDateTime.of(2026, 1, 3, 0, 0), promoted.plus(Duration.ofDays(2)));
        ClockReading threeDays =
                new ClockReading(LocalDateTime.of(2026, 1, 4, 0, 0), promoted.plus(Duration.ofDays(3)));
        assertThat(wallPolicy.decide(null, null, champion, twoDays).retrain()).isFalse();
        assertThat(wallPolicy.decide(null, null, champion, threeDays).reasonCodes())
                .containsExactly(RetrainingPolicy.SCHEDULED_REFRESH);
    }

    private static ServedChampion champion(Double holdoutRmse) {
        return new ServedChampion(
                "bike-demand", 3, holdoutRmse, TRAINED_THROUGH, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static DriftReport report(DriftVerdict verdict, List<String> drifted) {
        return new DriftReport(
                UUID.randomUUID(),
                Instant.now(),
                A_DAY_LATER.local(),
                DriftReport.Trigger.API,
                "bike-demand",
                3L,
                verdict,
                "detail",
                1000,
                168,
                1,
                null,
                null,
                null,
                drifted,
                List.of(),
                null,
                null,
                List.of());
    }

    private static LiveError live(LiveError.Status status, Double rmse) {
        return new LiveError(
                "bike-demand",
                3,
                "CHAMPION",
                false,
                "168h",
                LocalDateTime.of(2012, 9, 1, 0, 0),
                LocalDateTime.of(2012, 9, 8, 0, 0),
                status == LiveError.Status.OK ? 100 : 5,
                status,
                rmse,
                rmse == null ? null : rmse * 0.7,
                rmse == null ? null : 0.8,
                rmse == null ? null : 10.0);
    }
}
