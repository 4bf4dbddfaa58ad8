package io.bikecast.training.data;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A training window cut in time: the model learns from {@code training} and is judged on {@code holdout}, the most
 * recent hours of the window, never on a random sample of them (neighbouring hours are too alike for a random holdout
 * to say anything about the future).
 */
public record TimeSplit(List<TrainingRow> training, List<TrainingRow> holdout) {

    public TimeSplit {
        training = List.copyOf(training);
        holdout = List.copyOf(holdout);
    }

    /**
     * Splits rows (oldest first) at {@code holdoutStart}: earlier hours train, the rest is the holdout.
     *
     * @throws IllegalArgumentException if either side would be empty
     */
    public static TimeSplit at(List<TrainingRow> rows, LocalDateTime holdoutStart) {
        int cut = 0;
        while (cut < rows.size() && rows.get(cut).hour().isBefore(holdoutStart)) {
            cut++;
        }
        if (cut == 0 || cut == rows.size()) {
            throw new IllegalArgumentException("a holdout from " + holdoutStart + " leaves " + cut
                    + " training and " + (rows.size() - cut) + " holdout hours of " + rows.size()
                    + "; both must be non-empty");
        }
        return new TimeSplit(rows.subList(0, cut), rows.subList(cut, rows.size()));
    }

    public LocalDateTime trainingStart() {
        return training.getFirst().hour();
    }

    public LocalDateTime trainingEnd() {
        return training.getLast().hour();
    }

    public LocalDateTime holdoutStart() {
        return holdout.getFirst().hour();
    }

    public LocalDateTime holdoutEnd() {
        return holdout.getLast().hour();
    }
}
