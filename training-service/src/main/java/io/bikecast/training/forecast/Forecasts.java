package io.bikecast.training.forecast;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.Horizons;
import io.bikecast.model.Forecaster;
import io.bikecast.model.LeadModel;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Prediction;

/**
 * What a forecaster forecasts for stored hours, and how well. A forecaster is scored at each lead of {@link
 * Horizons#LEADS} by the model that serves that horizon: the model of that lead, or the model without history for a
 * forecaster that has none (every version stored before forecasters, a single forest, is such a forecaster). Its one
 * figure is the mean over those leads: what the selection between candidates, the promotion gate and the version's
 * metrics all use.
 */
public final class Forecasts {

    private Forecasts() {}

    /** The forecasts (counts) of the model serving {@code lead} for the rows, their history read from {@code history}. */
    public static double[] counts(Forecaster forecaster, int lead, List<TrainingRow> rows, RowHistory history) {
        double[] raw = raw(forecaster.forHorizon(lead), rows, history);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = forecaster.target().toCount(raw[i]);
        }
        return raw;
    }

    /** The forecaster's metrics on the rows: at each lead of {@link Horizons#LEADS}, then their mean. */
    public static ModelMetrics metrics(Forecaster forecaster, List<TrainingRow> rows, RowHistory history) {
        return mean(List.copyOf(metricsByLead(forecaster, rows, history).values()));
    }

    /** The forecaster's metrics on the rows at each lead of {@link Horizons#LEADS}, in that order. */
    public static Map<Integer, ModelMetrics> metricsByLead(
            Forecaster forecaster, List<TrainingRow> rows, RowHistory history) {
        double[] actual = actual(rows);
        Map<Integer, ModelMetrics> byLead = new LinkedHashMap<>();
        for (int lead : Horizons.LEADS) {
            byLead.put(lead, Evaluation.metrics(actual, counts(forecaster, lead, rows, history)));
        }
        return byLead;
    }

    /** The mean of each metric. */
    public static ModelMetrics mean(List<ModelMetrics> metrics) {
        int n = metrics.size();
        return new ModelMetrics(
                metrics.stream().mapToDouble(ModelMetrics::rmse).sum() / n,
                metrics.stream().mapToDouble(ModelMetrics::mae).sum() / n,
                metrics.stream().mapToDouble(ModelMetrics::r2).sum() / n,
                metrics.stream().mapToDouble(ModelMetrics::withinTwentyPercent).sum() / n);
    }

    public static double[] actual(List<TrainingRow> rows) {
        return rows.stream().mapToDouble(TrainingRow::count).toArray();
    }

    /** The model's outputs, in its target's space. */
    static double[] raw(LeadModel model, List<TrainingRow> rows, RowHistory history) {
        List<Prediction<org.tribuo.regression.Regressor>> predictions =
                model.model().predict(LeadExamples.unlabelled(rows, model.lead(), history));
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return values;
    }
}
