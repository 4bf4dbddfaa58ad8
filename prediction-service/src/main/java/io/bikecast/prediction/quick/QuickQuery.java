package io.bikecast.prediction.quick;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.InvalidFields;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.predictor.PredictionInput;
import io.bikecast.prediction.request.UciPredictRequest;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quick {@code GET /predict?hr=17&temp=0.7}: any of the twelve UCI fields as query parameters, the rest filled with
 * the champion's reference medians (each feature's median on its own, so a filled season need not agree with a given
 * month). Also takes {@code seriesId}, {@code hour} and {@code clientKey}; any other parameter is refused.
 *
 * <p>The completed query is a {@link UciPredictRequest} and is checked by the same Bean Validation constraints as a
 * posted one. It is validated here rather than by an argument resolver because the champion's medians, which complete
 * it, are only known once the request's snapshot is.
 */
final class QuickQuery {

    private static final Set<String> EXTRA = Set.of("seriesId", "hour", "clientKey");

    private QuickQuery() {}

    /**
     * The completed input and the names of the filled fields.
     *
     * @throws ProblemException 400 naming every unknown parameter, every parameter that is not a number, and every
     *     value its constraints refuse
     */
    static Filled parse(Map<String, String> parameters, ServedModel champion, Validator validator) {
        List<InvalidField> errors = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (Feature.byColumnName(name).isEmpty() && !EXTRA.contains(name)) {
                errors.add(new InvalidField(
                        name,
                        "unknown parameter; accepted: " + String.join(", ", FeatureSchema.featureNames())
                                + ", seriesId, hour, clientKey",
                        parameters.get(name)));
            }
        }
        Map<String, Double> values = new HashMap<>();
        List<String> filled = new ArrayList<>();
        List<Feature> features = FeatureSchema.features();
        for (int i = 0; i < features.size(); i++) {
            String name = features.get(i).columnName();
            String text = parameters.get(name);
            if (text == null || text.isBlank()) {
                values.put(name, champion.median(i));
                filled.add(name);
                continue;
            }
            try {
                values.put(name, Double.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                errors.add(new InvalidField(name, "wrong type: expected a number", text));
                // Checked no further: its error is the one above.
                values.put(name, champion.median(i));
            }
        }
        UciPredictRequest request = new UciPredictRequest(
                values.get("season"),
                values.get("yr"),
                values.get("mnth"),
                values.get("hr"),
                values.get("holiday"),
                values.get("weekday"),
                values.get("workingday"),
                values.get("weathersit"),
                values.get("temp"),
                values.get("atemp"),
                values.get("hum"),
                values.get("windspeed"),
                parameters.get("hour"),
                parameters.get("seriesId"),
                parameters.get("clientKey"),
                null);
        errors.addAll(InvalidFields.of(validator.validate(request)));
        if (!errors.isEmpty()) {
            errors.sort(InvalidFields.ORDER);
            throw ProblemException.badRequest("The query has invalid parameters.", errors);
        }
        // A what-if query of a few fields, not a forecast of a series: the model without history answers it.
        return new Filled(request.toInput().withoutHistory(), List.copyOf(filled));
    }

    /** A completed quick query. */
    record Filled(PredictionInput input, List<String> filledFields) {}
}
