package io.bikecast.prediction.model;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.Horizons;
import io.bikecast.model.TargetTransform;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * A model version loaded from the registry and ready to answer: immutable, shared by every request that reads it. It
 * is a forecaster, one model per lead; a version stored before forecasters existed has only the model without
 * history (lead 0).
 *
 * @param target what its models learn in place of the count ({@link ServedLead} turns it back)
 * @param leads its models by ascending lead, the one without history (lead 0) first
 * @param medians the reference sample's median of each feature, in {@link FeatureSchema} order: what a quick GET
 *     request's missing fields are filled with
 */
public record ServedModel(
        String modelName,
        long version,
        String algorithm,
        String artifactSha256,
        ModelMetrics metrics,
        TargetTransform target,
        List<ServedLead> leads,
        double[] medians,
        Instant loadedAt) {

    public ServedModel {
        leads = List.copyOf(leads);
        if (leads.isEmpty() || leads.getFirst().lead() != 0) {
            throw new IllegalArgumentException("a served model needs its model without history (lead 0) first");
        }
    }

    /** The model without history features. */
    public ServedLead withoutHistory() {
        return leads.getFirst();
    }

    /**
     * The model that serves a forecast {@code horizon} hours after its issue time: the shortest lead of at least the
     * horizon ({@link Horizons#leadFor}), or the model without history when no lead covers it.
     */
    public ServedLead forHorizon(int horizon) {
        OptionalInt lead = Horizons.leadFor(horizon);
        if (lead.isPresent()) {
            for (ServedLead served : leads) {
                if (served.lead() == lead.getAsInt()) {
                    return served;
                }
            }
        }
        return withoutHistory();
    }

    /** The leads it has models for, ascending, 0 first. */
    public List<Integer> leadHours() {
        return leads.stream().map(ServedLead::lead).toList();
    }

    /** The median of one feature in the reference sample, by {@link FeatureSchema} index. */
    public double median(int featureIndex) {
        return medians[featureIndex];
    }
}
