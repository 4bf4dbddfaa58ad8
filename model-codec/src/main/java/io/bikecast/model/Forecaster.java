package io.bikecast.model;

import io.bikecast.common.features.Horizons;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a registered model version holds: one model per lead of {@link Horizons#LEADS} and one without history
 * features, all of one algorithm and target. A forecast {@code h} hours ahead is served by the model of the shortest
 * lead of at least {@code h} ({@link Horizons#leadFor}); one beyond every lead, or for a series with no recent actuals,
 * by the model without history.
 *
 * @param algorithm what fitted the models, for example {@code xgboost} or {@code random-forest}
 * @param target what the models learn in place of the count
 * @param models the models, one per lead, the lead-0 model (no history) among them
 */
public record Forecaster(String algorithm, TargetTransform target, List<LeadModel> models) {

    public Forecaster {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(target, "target");
        models =
                models.stream().sorted(Comparator.comparingInt(LeadModel::lead)).toList();
        if (models.isEmpty() || models.getFirst().lead() != 0) {
            throw new IllegalArgumentException("A forecaster needs a model without history (lead 0)");
        }
        for (int i = 1; i < models.size(); i++) {
            if (models.get(i).lead() == models.get(i - 1).lead()) {
                throw new IllegalArgumentException(
                        "A forecaster has two models of lead " + models.get(i).lead());
            }
        }
    }

    /** A forecaster of a single model without history: what every version stored before leads existed is. */
    public static Forecaster withoutHistory(String algorithm, LeadModel model) {
        return new Forecaster(algorithm, TargetTransform.COUNT, List.of(model));
    }

    /** The model without history features. */
    public LeadModel withoutHistoryModel() {
        return models.getFirst();
    }

    /** The model of exactly this lead, if the forecaster has one. */
    public Optional<LeadModel> model(int lead) {
        return models.stream().filter(m -> m.lead() == lead).findFirst();
    }

    /**
     * The model that serves a forecast {@code horizon} hours after the last actual; the model without history when no
     * lead covers the horizon (or the forecaster has no model of that lead).
     */
    public LeadModel forHorizon(int horizon) {
        OptionalInt lead = Horizons.leadFor(horizon);
        return lead.isPresent() ? model(lead.getAsInt()).orElse(withoutHistoryModel()) : withoutHistoryModel();
    }

    /** The leads above 0 it has models for, ascending. */
    public List<Integer> historyLeads() {
        return models.stream().map(LeadModel::lead).filter(lead -> lead > 0).toList();
    }
}
