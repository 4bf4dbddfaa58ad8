package io.bikecast.training.forest;

import io.bikecast.model.FeatureExamples;
import io.bikecast.training.data.TrainingRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Turns training rows into a Tribuo dataset, through the one feature path. */
public final class TrainingSets {

    private TrainingSets() {}

    /**
     * A dataset of the rows, every example made by {@link FeatureExamples#example}.
     *
     * @param description what the rows are, recorded in the model's provenance (e.g. the dataset version)
     */
    public static MutableDataset<Regressor> of(List<TrainingRow> rows, String description) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(), factory), factory);
        rows.forEach(row -> dataset.add(FeatureExamples.example(row.features(), row.count())));
        return dataset;
    }
}
