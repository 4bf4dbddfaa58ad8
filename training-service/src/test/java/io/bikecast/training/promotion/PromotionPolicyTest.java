package io.bikecast.training.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ModelMetrics;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static final LocalDateTime HOLDOUT_START = LocalDateTime.of(2012, 9, 24, 0, 0);
    private static final LocalDateTime HOLDOUT_END = LocalDateTime.of(2012, 9, 30, 23, 0);

    private final PromotionPolicy policy = new PromotionPolicy(new PromotionProperties(0.6, 24, 0.0));

    @Test
    void rejectsAVersionBelowTheR2FloorEvenWithoutAChampion() {
        PromotionDecision decision = policy.decide(metrics(120, 0.55), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.REJECTED);
        assertThat(decision.reasons()).singleElement().asString().contains("below the floor");
    }

    @Test
    void aHolidayHoldoutBelowTheR2FloorIsJudgedAgainstTheChampionOnTheHoursNeitherTrainedOn() {
        // Christmas week: the candidate (here the champion's own recipe on the same hours) ties the champion.
        PromotionDecision tie = policy.decide(metrics(110, -3.7), Optional.of(unseen(96, 110.0, 110.0)));
        assertThat(tie.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(tie.reasons().getFirst()).contains("below the floor").contains("no champion to compare with");

        PromotionDecision worse = policy.decide(metrics(120, -4.0), Optional.of(unseen(96, 120.0, 110.0)));
        assertThat(worse.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
    }

    @Test
    void rejectsAVersionBelowTheR2FloorThatCannotBeComparedWithTheChampion() {
        ChampionComparison fewUnseen = new ChampionComparison(
                3,
                HOLDOUT_END.minusHours(12),
                HOLDOUT_START,
                HOLDOUT_END,
                168,
                new ComparisonHours(HOLDOUT_END.minusHours(11), HOLDOUT_END, 12),
                null,
                null,
                List.of());

        assertThat(policy.decide(metrics(120, 0.5), Optional.of(fewUnseen)).outcome())
                .isEqualTo(PromotionDecision.REJECTED);
    }

    @Test
    void makesTheFirstVersionThatMeetsTheFloorChampion() {
        PromotionDecision decision = policy.decide(metrics(80, 0.6), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("no champion yet"));
    }

    @Test
    void promotesACandidateBetterOnTheHoursNeitherTrainedOnAndSaysWhichHoursAndNumbers() {
        PromotionDecision decision = policy.decide(metrics(70, 0.85), Optional.of(unseen(168, 61.5, 64.25)));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(decision.championVersion()).isEqualTo(3);
        assertThat(decision.comparisonHours()).isEqualTo(new ComparisonHours(HOLDOUT_START, HOLDOUT_END, 168));
        assertThat(decision.candidateOnComparisonHours().rmse()).isEqualTo(61.5);
        assertThat(decision.championOnComparisonHours().rmse()).isEqualTo(64.25);
        assertThat(decision.reasons())
                .anySatisfy(reason -> assertThat(reason)
                        .contains("168 hours neither trained on (2012-09-24T00:00..2012-09-30T23:00)")
                        .contains("61.50")
                        .contains("v3's 64.25"));
    }

    @Test
    void promotesACandidateThatTiesTheChampionSinceItsRefitHasLearnedTheNewestHours() {
        PromotionDecision decision = policy.decide(metrics(70, 0.85), Optional.of(unseen(168, 64.25, 64.25)));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
    }

    @Test
    void keepsACandidateWorseOnTheUnseenHoursAsChallenger() {
        PromotionDecision decision = policy.decide(metrics(70, 0.85), Optional.of(unseen(168, 64.26, 64.25)));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("is above"));
    }

    @Test
    void allowsTheConfiguredRegressionAndNoMore() {
        PromotionPolicy lenient = new PromotionPolicy(new PromotionProperties(0.6, 24, 0.05));

        assertThat(lenient.decide(metrics(70, 0.85), Optional.of(unseen(168, 104.9, 100)))
                        .outcome())
                .isEqualTo(PromotionDecision.CHAMPION);
        assertThat(lenient.decide(metrics(70, 0.85), Optional.of(unseen(168, 105.1, 100)))
                        .outcome())
                .isEqualTo(PromotionDecision.CHALLENGER);
    }

    @Test
    void keepsACandidateAsChallengerWhenTheChampionHasSeenAlmostAllOfItsHoldoutHowEverItScores() {
        ChampionComparison fewUnseen = new ChampionComparison(
                3,
                HOLDOUT_END.minusHours(23),
                HOLDOUT_START,
                HOLDOUT_END,
                168,
                new ComparisonHours(HOLDOUT_END.minusHours(22), HOLDOUT_END, 23),
                null,
                null,
                List.of());

        PromotionDecision decision = policy.decide(metrics(20, 0.99), Optional.of(fewUnseen));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
        assertThat(decision.reasons())
                .anySatisfy(reason -> assertThat(reason)
                        .contains("the champion has seen all but 23 of the holdout hours")
                        .contains("trained through 2012-09-30T00:00")
                        .contains("fewer than the 24"));
        assertThat(decision.comparisonHours().count()).isEqualTo(23);
        assertThat(decision.championOnComparisonHours()).isNull();
    }

    @Test
    void keepsACandidateAsChallengerWhenTheChampionHasSeenEveryHoldoutHour() {
        ChampionComparison allSeen = new ChampionComparison(
                3,
                HOLDOUT_END,
                HOLDOUT_START,
                HOLDOUT_END,
                168,
                new ComparisonHours(null, null, 0),
                null,
                null,
                List.of());

        PromotionDecision decision = policy.decide(metrics(20, 0.99), Optional.of(allSeen));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
        assertThat(decision.reasons())
                .anySatisfy(
                        reason -> assertThat(reason).contains("the champion has seen all but 0 of the holdout hours"));
    }

    private static ChampionComparison unseen(int hours, double candidateRmse, double championRmse) {
        return new ChampionComparison(
                3,
                HOLDOUT_START.minusHours(1),
                HOLDOUT_START,
                HOLDOUT_END,
                168,
                new ComparisonHours(HOLDOUT_START, HOLDOUT_END, hours),
                metrics(candidateRmse, 0.8),
                metrics(championRmse, 0.8),
                List.of());
    }

    private static ModelMetrics metrics(double rmse, double r2) {
        return new ModelMetrics(rmse, rmse * 0.7, r2, 0.4);
    }
}
