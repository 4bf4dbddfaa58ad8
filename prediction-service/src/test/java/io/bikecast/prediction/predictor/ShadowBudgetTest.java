package io.bikecast.prediction.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shadow budget on a clock the test moves. */
class ShadowBudgetTest {

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);

    @Test
    void aBurstOfUpToASecondsWorthIsShadowedThenOnlyTheRate() {
        ShadowBudget budget = new ShadowBudget(100, clock::get);

        assertThat(taken(budget, 150)).isEqualTo(100);

        clock.addAndGet(50_000_000L); // 50 ms: five more at 100 a second
        assertThat(taken(budget, 20)).isEqualTo(5);
    }

    @Test
    void aSteadyRateAboveTheBudgetIsShadowedAtTheBudget() {
        ShadowBudget budget = new ShadowBudget(100, clock::get);
        int taken = 0;
        for (int i = 0; i < 20_000; i++) { // 2,000 a second for 10 s
            clock.addAndGet(500_000L);
            taken += budget.tryTake() ? 1 : 0;
        }
        assertThat(taken).isBetween(1_050, 1_150); // 10 s at 100 a second, plus the first second's burst
    }

    @Test
    void aQuietServiceShadowsEveryRequest() {
        ShadowBudget budget = new ShadowBudget(100, clock::get);
        for (int i = 0; i < 1_000; i++) {
            clock.addAndGet(20_000_000L); // 50 a second
            assertThat(budget.tryTake()).isTrue();
        }
    }

    @Test
    void noBudgetShadowsEverything() {
        ShadowBudget budget = new ShadowBudget(0, clock::get);

        assertThat(taken(budget, 10_000)).isEqualTo(10_000);
    }

    private static int taken(ShadowBudget budget, int requests) {
        int taken = 0;
        for (int i = 0; i < requests; i++) {
            taken += budget.tryTake() ? 1 : 0;
        }
        return taken;
    }
}
