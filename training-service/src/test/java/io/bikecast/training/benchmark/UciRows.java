package io.bikecast.training.benchmark;

import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The UCI hourly data as training rows, and the two splits the accuracy bar is defined on. */
final class UciRows {

    /** The holdout of the time split: 2012-09-01 to the end of the data. */
    static final LocalDate TIME_SPLIT_START = LocalDate.of(2012, 9, 1);

    private UciRows() {}

    static List<TrainingRow> all() {
        return UciDataset.hours().stream()
                .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
                .toList();
    }

    static TimeSplit timeSplit() {
        return TimeSplit.at(all(), TIME_SPLIT_START.atStartOfDay());
    }

    /**
     * An interleaved 80/20 split: every fifth row of {@code hour.csv} held out. Not a time split, and one that {@code
     * src/test/python/sklearn_reference.py} reproduces row for row, so the two libraries are compared on the same hours.
     */
    static TimeSplit interleavedSplit() {
        List<TrainingRow> rows = all();
        List<TrainingRow> training = new ArrayList<>();
        List<TrainingRow> holdout = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 5 == 4 ? holdout : training).add(rows.get(i));
        }
        return new TimeSplit(training, holdout);
    }

    /** A seeded random 80/20 split, as scikit-learn's train_test_split would make (the bar's second figure). */
    static TimeSplit randomSplit(long seed) {
        List<TrainingRow> shuffled = new ArrayList<>(all());
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * 0.8);
        return new TimeSplit(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
    }
}
