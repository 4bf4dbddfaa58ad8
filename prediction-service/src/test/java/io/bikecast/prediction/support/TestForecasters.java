package io.bikecast.prediction.support;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.Horizons;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.FeatureExamples;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.model.TargetTransform;
import io.bikecast.testsupport.FakeTrainingRegistry;
import io.bikecast.testsupport.TestForests;
import io.bikecast.testsupport.UciDataset;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * A tiny forecaster as the training service registers them: XGBoost on log1p of the count, one model per lead of
 * {@link Horizons#LEADS} and one without history, each with its 80% interval offsets calibrated on hours it did not
 * learn. Trained once per test JVM on the first {@value #HOURS} hours of the UCI data (a few rounds each, so it takes
 * seconds): every third hour trains, the next calibrates, the third is left for {@link #evaluation()}.
 */
public final class TestForecasters {

    /** The hours of hour.csv it is made from. */
    public static final int HOURS = 4_500;

    private static Forecaster forecaster;

    private TestForecasters() {}

    /** The UCI actuals by local hour: the demand history the forecaster was trained with. */
    public static DemandHistory actuals() {
        return Actuals.HISTORY;
    }

    /** The forecaster, trained on first use. */
    public static synchronized Forecaster forecaster() {
        if (forecaster == null) {
            List<LeadModel> models = new ArrayList<>();
            models.add(train(0));
            for (int lead : Horizons.LEADS) {
                models.add(train(lead));
            }
            forecaster = new Forecaster("xgboost", TargetTransform.LOG1P, models);
        }
        return forecaster;
    }

    /** Registers the forecaster as champion and returns its version. */
    public static long registerChampion(FakeTrainingRegistry registry) {
        Forecaster trained = forecaster();
        List<UciDataset.HourRow> rows = UciDataset.hours().subList(0, 200);
        ReferenceSample reference =
                TestForests.referenceSample(trained.withoutHistoryModel().model(), rows);
        long version = registry.register(trained, reference, TestModels.METRICS);
        registry.setAlias(TestModels.CHAMPION, version);
        return version;
    }

    /** The hours neither trained nor calibrated on, for measuring coverage. */
    public static List<UciDataset.HourRow> evaluation() {
        return slice(2);
    }

    /** The history features of a row under a lead (none for lead 0). */
    public static double[] history(UciDataset.HourRow row, int lead) {
        return lead == 0 ? null : HistoryFeatures.vector(FakeIngest.hourOf(row), lead, actuals());
    }

    /** What Tribuo predicts, in target space, for a row's features and history under the model's lead. */
    public static double predict(LeadModel model, UciFeatures features, double[] history) {
        return model.model()
                .predict(
                        history == null
                                ? FeatureExamples.unlabelledExample(features)
                                : FeatureExamples.unlabelledExample(features, history))
                .getOutput()
                .getValues()[0];
    }

    private static LeadModel train(int lead) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("uci-forecaster-sample", OffsetDateTime.now(), factory), factory);
        for (UciDataset.HourRow row : slice(0)) {
            double target = TargetTransform.LOG1P.toTarget(row.cnt());
            dataset.add(
                    lead == 0
                            ? FeatureExamples.example(row.features(), target)
                            : FeatureExamples.example(row.features(), history(row, lead), target));
        }
        Model<Regressor> model = new XGBoostRegressionTrainer(
                        XGBoostRegressionTrainer.RegressionType.LINEAR, 30, 0.3, 0, 5, 1, 1, 1, 1, 0, 1, true, 1L)
                .train(dataset);
        LeadModel uncalibrated = new LeadModel(lead, model, Double.NaN, Double.NaN);
        double[] errors = slice(1).stream()
                .mapToDouble(row -> TargetTransform.LOG1P.toTarget(row.cnt())
                        - predict(uncalibrated, row.features(), history(row, lead)))
                .sorted()
                .toArray();
        return new LeadModel(lead, model, quantile(errors, 0.1), quantile(errors, 0.9));
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static List<UciDataset.HourRow> slice(int remainder) {
        List<UciDataset.HourRow> rows = new ArrayList<>();
        List<UciDataset.HourRow> hours = UciDataset.hours().subList(0, HOURS);
        for (int i = remainder; i < hours.size(); i += 3) {
            rows.add(hours.get(i));
        }
        return rows;
    }

    /** Every UCI actual by hour, built once. */
    private static final class Actuals {
        private static final DemandHistory HISTORY = build();

        private static DemandHistory build() {
            Map<LocalDateTime, Double> counts = new HashMap<>();
            for (UciDataset.HourRow row : UciDataset.hours()) {
                counts.put(FakeIngest.hourOf(row), (double) row.cnt());
            }
            return hour -> counts.containsKey(hour) ? OptionalDouble.of(counts.get(hour)) : OptionalDouble.empty();
        }
    }
}
