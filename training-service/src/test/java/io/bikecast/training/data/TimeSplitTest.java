package io.bikecast.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.common.features.UciFeatures;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

    private static final LocalDateTime START = LocalDateTime.of(2012, 1, 1, 0, 0);
    private final List<TrainingRow> rows =
            IntStream.range(0, 48).mapToObj(h -> row(START.plusHours(h))).toList();

    @Test
    void holdsOutEveryHourFromTheCutAndTrainsOnEveryEarlierOne() {
        TimeSplit split = TimeSplit.at(rows, START.plusHours(40));

        assertThat(split.training()).hasSize(40);
        assertThat(split.holdout()).hasSize(8);
        assertThat(split.trainingEnd()).isBefore(split.holdoutStart());
        assertThat(split.holdoutEnd()).isEqualTo(START.plusHours(47));
    }

    @Test
    void refusesACutThatLeavesASideEmpty() {
        assertThatThrownBy(() -> TimeSplit.at(rows, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeSplit.at(rows, START.plusDays(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatasetVersionChangesWithAnyValueAndStaysForEqualRows() {
        List<TrainingRow> copy = List.copyOf(rows);
        List<TrainingRow> changed = IntStream.range(0, 48)
                .mapToObj(h -> h == 47 ? new TrainingRow(START.plusHours(h), features(), 11) : row(START.plusHours(h)))
                .toList();

        assertThat(DatasetVersion.of(copy)).isEqualTo(DatasetVersion.of(rows)).hasSize(64);
        assertThat(DatasetVersion.of(changed)).isNotEqualTo(DatasetVersion.of(rows));
    }

    private static TrainingRow row(LocalDateTime hour) {
        return new TrainingRow(hour, features(), 10);
    }

    private static UciFeatures features() {
        return new UciFeatures(1, 1, 1, 0, 0, 0, 0, 1, 0.3, 0.3, 0.5, 0.1);
    }
}
