package io.bikecast.training.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Lags never look past the issue time: every training and holdout example of a run's split, at every lead, reads the
 * demand of no hour later than its target minus the lead, however much of the window (holdout actuals included) the
 * history holds.
 */
class LeadExamplesTest {

    private static final List<TrainingRow> ROWS = UciDataset.hours().stream()
            .filter(row -> row.dteday().isBefore(LocalDate.of(2011, 4, 1)))
            .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
            .toList();

    @Test
    void noTrainingOrHoldoutExampleReadsAnHourAfterItsTargetMinusItsLead() {
        TimeSplit split = TimeSplit.at(ROWS, LocalDateTime.of(2011, 3, 20, 0, 0));
        Recording recording = new Recording(WindowHistory.of(ROWS).of("system"));
        RowHistory history = series -> recording;
        int examples = 0;
        for (int lead : ForecasterTrainer.LEADS) {
            for (List<TrainingRow> part : List.of(split.training(), split.holdout())) {
                for (TrainingRow row : part) {
                    recording.reads.clear();
                    LeadExamples.labelled(row, lead, history, row.count());
                    LeadExamples.unlabelled(List.of(row), lead, history);
                    LocalDateTime issuedAt = row.hour().minusHours(lead);
                    assertThat(recording.reads)
                            .as("the hours read for %s under lead %d", row.hour(), lead)
                            .allSatisfy(hour -> assertThat(hour).isBeforeOrEqualTo(issuedAt));
                    if (lead > 0) {
                        assertThat(recording.reads).contains(issuedAt);
                    } else {
                        assertThat(recording.reads).isEmpty();
                    }
                    examples++;
                }
            }
        }
        assertThat(examples).isEqualTo(ForecasterTrainer.LEADS.size() * ROWS.size());
    }

    @Test
    void aHoldoutHourReadsTheEarlierHoldoutActualsAsServingWould() {
        TrainingRow target = ROWS.getLast();
        double[] features = LeadExamples.historyOf(target, 1, WindowHistory.of(ROWS));

        assertThat(features[HistoryFeatures.features().indexOf(io.bikecast.common.features.HistoryFeature.LAG_LEAD)])
                .isEqualTo(ROWS.get(ROWS.size() - 2).count());
    }

    /** A history that notes every hour asked for. */
    private static final class Recording implements DemandHistory {
        private final DemandHistory delegate;
        private final List<LocalDateTime> reads = new ArrayList<>();

        Recording(DemandHistory delegate) {
            this.delegate = delegate;
        }

        @Override
        public OptionalDouble demandAt(LocalDateTime hour) {
            reads.add(hour);
            return delegate.demandAt(hour);
        }
    }
}
