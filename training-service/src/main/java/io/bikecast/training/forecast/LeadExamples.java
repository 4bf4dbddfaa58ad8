package io.bikecast.training.forecast;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.TargetTransform;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The examples of a model of one lead, training and holdout alike, through the one feature path. The history an
 * example reads is cut at its issue time ({@code target - lead}): a read of a later hour fails loudly instead of
 * leaking the future into a training set or a holdout score.
 */
final class LeadExamples {

    private LeadExamples() {}

    /** A dataset of the rows under a lead, each labelled with its count in the target's space. */
    static MutableDataset<Regressor> dataset(
            List<TrainingRow> rows, int lead, RowHistory history, TargetTransform target, String description) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(), factory), factory);
        rows.forEach(row -> dataset.add(labelled(row, lead, history, target.toTarget(row.count()))));
        return dataset;
    }

    /** The rows as examples to predict under a lead. */
    static List<Example<Regressor>> unlabelled(List<TrainingRow> rows, int lead, RowHistory history) {
        List<Example<Regressor>> examples = new ArrayList<>(rows.size());
        for (TrainingRow row : rows) {
            examples.add(
                    lead == 0
                            ? FeatureExamples.unlabelledExample(row.features())
                            : FeatureExamples.unlabelledExample(row.features(), historyOf(row, lead, history)));
        }
        return examples;
    }

    static Example<Regressor> labelled(TrainingRow row, int lead, RowHistory history, double target) {
        return lead == 0
                ? FeatureExamples.example(row.features(), target)
                : FeatureExamples.example(row.features(), historyOf(row, lead, history), target);
    }

    /** The history features of the row's hour under the lead, read from its series only up to its issue time. */
    static double[] historyOf(TrainingRow row, int lead, RowHistory history) {
        DemandHistory series = history.of(row.seriesId());
        LocalDateTime issuedAt = row.hour().minusHours(lead);
        return HistoryFeatures.vector(row.hour(), lead, hour -> {
            if (hour.isAfter(issuedAt)) {
                throw new IllegalStateException("the history features of " + row.hour() + " of series "
                        + row.seriesId() + " under lead " + lead + " read " + hour + ", after the issue time "
                        + issuedAt + ": a lag looks into the future");
            }
            return series.demandAt(hour);
        });
    }
}
