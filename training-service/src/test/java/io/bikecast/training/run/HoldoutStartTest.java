package io.bikecast.training.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldoutStartTest {

    private static final LocalDateTime LATEST = LocalDateTime.of(2012, 9, 20, 23, 0);
    private static final RunSettings SEVEN_DAYS = settings(null);

    @Test
    void withoutAChampionTheHoldoutIsTheLastSevenDays() {
        assertThat(HoldoutStart.of(LATEST, SEVEN_DAYS, Optional.empty(), 72))
                .isEqualTo(LocalDateTime.of(2012, 9, 14, 0, 0));
    }

    @ParameterizedTest(name = "champion trained through {0}: holdout from {1}")
    @CsvSource({
        // Refitted four days ago: exactly the hours it never saw.
        "2012-09-16T23:00, 2012-09-17T00:00",
        // Older than the longest holdout: the last seven days.
        "2012-09-01T23:00, 2012-09-14T00:00",
        // Refitted yesterday: still the shortest holdout, 72 hours.
        "2012-09-19T23:00, 2012-09-18T00:00"
    })
    void withAChampionTheHoldoutBeginsAfterItsServedFitWithinTheBounds(
            LocalDateTime championTrainedThrough, LocalDateTime expectedStart) {
        assertThat(HoldoutStart.of(LATEST, SEVEN_DAYS, Optional.of(championTrainedThrough), 72))
                .isEqualTo(expectedStart);
    }

    @Test
    void anExplicitStartWins() {
        LocalDateTime explicit = LocalDateTime.of(2012, 9, 1, 0, 0);
        RunSettings settings = settings(explicit);

        assertThat(HoldoutStart.of(LATEST, settings, Optional.of(LATEST), 72)).isEqualTo(explicit);
    }

    private static RunSettings settings(LocalDateTime holdoutStart) {
        return new RunSettings(
                List.of(Algorithm.XGBOOST),
                ForestParameters.DEFAULTS,
                BoostingParameters.DEFAULTS,
                4320,
                null,
                7,
                holdoutStart);
    }
}
