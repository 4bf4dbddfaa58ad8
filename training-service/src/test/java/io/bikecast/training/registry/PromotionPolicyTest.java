package io.bikecast.training.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.config.PromotionProperties;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private final PromotionPolicy policy = new PromotionPolicy(new PromotionProperties(0.6, 0.02, 0.05));

    @Test
    void rejectsAVersionBelowTheR2FloorEvenWithoutAChampion() {
        PromotionDecision decision = policy.decide(metrics(120, 0.55), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.REJECTED);
        assertThat(decision.reasons()).singleElement().asString().contains("below the floor");
    }

    @Test
    void makesTheFirstVersionThatMeetsTheFloorChampion() {
        PromotionDecision decision = policy.decide(metrics(80, 0.6), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("no champion yet"));
    }

    @Test
    void promotesACandidateThatBeatsTheChampionOnTheSameHoldoutByTheMarginAndHoldsOnThePreviousOne() {
        PromotionDecision decision = policy.decide(
                metrics(97.9, 0.85),
                Optional.of(new ChampionComparison(3, metrics(100, 0.8), metrics(50, 0.9), metrics(48, 0.9))));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(decision.championVersion()).isEqualTo(3);
        assertThat(decision.championOnCandidateHoldout().rmse()).isEqualTo(100);
    }

    @Test
    void keepsACandidateBetterByLessThanTheMarginAsChallenger() {
        PromotionDecision decision = policy.decide(
                metrics(98.1, 0.85),
                Optional.of(new ChampionComparison(3, metrics(100, 0.8), metrics(48, 0.9), metrics(48, 0.9))));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("does not beat"));
    }

    @Test
    void keepsACandidateThatRegressesOnThePreviousHoldoutAsChallenger() {
        PromotionDecision decision = policy.decide(
                metrics(80, 0.9),
                Optional.of(new ChampionComparison(3, metrics(100, 0.8), metrics(50.5, 0.9), metrics(48, 0.9))));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHALLENGER);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("regresses beyond"));
    }

    @Test
    void judgesOnTheNewHoldoutAloneWhenThePreviousOneIsGone() {
        PromotionDecision decision =
                policy.decide(metrics(80, 0.9), Optional.of(new ChampionComparison(3, metrics(100, 0.8), null, null)));

        assertThat(decision.outcome()).isEqualTo(PromotionDecision.CHAMPION);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("no hours"));
    }

    private static ModelMetrics metrics(double rmse, double r2) {
        return new ModelMetrics(rmse, rmse * 0.7, r2, 0.4);
    }
}
