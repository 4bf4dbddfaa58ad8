package io.bikecast.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boosted leads fitted side by side make the same forecaster as fitted one after another, in the order of the leads,
 * and a size limit stops them the same way.
 */
class ForecasterTrainerTest {

    private static final List<TrainingRow> ROWS = UciDataset.hours().stream()
            .filter(row -> row.dteday().isBefore(LocalDate.of(2011, 4, 1)))
            .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
            .toList();
    private static final TimeSplit SPLIT = TimeSplit.at(ROWS, LocalDateTime.of(2011, 3, 20, 0, 0));
    private static final RowHistory HISTORY = WindowHistory.of(ROWS);
    private static final Recipe RECIPE = new Recipe(
            Algorithm.XGBOOST, ForestParameters.DEFAULTS, new BoostingParameters(40, 0.1, 4, 5, 0.8, 0.8, 7L), 24 * 14);
    private static final SizeCheck ANY_SIZE = (fit, nodes, trees) -> {};

    @Test
    void leadsFittedSideBySideScoreAndPredictAsLeadsFittedInTurn() {
        CandidateEvaluation inTurn = new ForecasterTrainer(1).evaluate(RECIPE, SPLIT, HISTORY, "test", ANY_SIZE);
        CandidateEvaluation sideBySide = new ForecasterTrainer(2).evaluate(RECIPE, SPLIT, HISTORY, "test", ANY_SIZE);

        assertThat(sideBySide.leads()).extracting(LeadScore::lead).containsExactlyElementsOf(ForecasterTrainer.LEADS);
        assertThat(sideBySide.leads()).isEqualTo(inTurn.leads());
        for (int lead : List.of(1, 3, 6, 24)) {
            assertThat(sideBySide.holdoutForecasts().get(lead))
                    .containsExactly(inTurn.holdoutForecasts().get(lead));
        }

        Forecaster served = new ForecasterTrainer(2).fitServed(sideBySide, ROWS, HISTORY, "test", ANY_SIZE);
        assertThat(served.models()).extracting(LeadModel::lead).containsExactlyElementsOf(ForecasterTrainer.LEADS);
        for (LeadModel model : served.models()) {
            assertThat(model.intervalLow())
                    .isEqualTo(sideBySide.lead(model.lead()).intervalLow());
        }
    }

    @Test
    void aFitBeyondTheSizeLimitFailsWithTheLimitsOwnErrorWhenLeadsAreFittedSideBySide() {
        SizeCheck limit = (fit, nodes, trees) -> {
            if (trees > 60) {
                throw new IllegalArgumentException(fit + " has " + trees + " trees, more than 60");
            }
        };

        assertThatThrownBy(() -> new ForecasterTrainer(2).evaluate(RECIPE, SPLIT, HISTORY, "test", limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evaluation fit has")
                .hasMessageContaining("more than 60");
    }
}
