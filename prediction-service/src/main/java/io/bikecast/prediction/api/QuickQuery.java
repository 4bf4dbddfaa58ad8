package io.bikecast.prediction.api;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.serving.PredictionInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A quick {@code GET /predict?hr=17&temp=0.7}: any of the twelve UCI fields as query parameters, the rest filled with
 * the champion's reference medians (each feature's median on its own, so a filled season need not agree with a given
 * month). Also takes {@code seriesId}, {@code hour} and {@code clientKey}; any other parameter is refused.
 */
final class QuickQuery {

    private static final Set<String> EXTRA = Set.of("seriesId", "hour", "clientKey");

    private QuickQuery() {}

    /** The completed input and the names of the filled fields, or empty with the problems added to {@code errors}. */
    static Optional<Filled> parse(Map<String, String> parameters, ServedModel champion, List<InvalidField> errors) {
        int before = errors.size();
        for (String name : parameters.keySet()) {
            if (Feature.byColumnName(name).isEmpty() && !EXTRA.contains(name)) {
                errors.add(new InvalidField(
                        name,
                        "unknown parameter; accepted: " + String.join(", ", FeatureSchema.featureNames())
                                + ", seriesId, hour, clientKey",
                        parameters.get(name)));
            }
        }
        Map<String, Double> fields = new LinkedHashMap<>();
        List<String> filled = new ArrayList<>();
        List<Feature> features = FeatureSchema.features();
        for (int i = 0; i < features.size(); i++) {
            String name = features.get(i).columnName();
            String text = parameters.get(name);
            if (text == null || text.isBlank()) {
                fields.put(name, champion.median(i));
                filled.add(name);
                continue;
            }
            try {
                fields.put(name, Double.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                errors.add(new InvalidField(name, "wrong type: expected a number", text));
            }
        }
        String seriesText = parameters.get("seriesId");
        String clientKey = parameters.get("clientKey");
        PredictRequest asRequest = new PredictRequest(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                parameters.get("hour"),
                seriesText,
                clientKey);
        if (errors.size() != before) {
            return Optional.empty();
        }
        return InputValidator.validate(withUci(asRequest, fields), "", errors)
                .map(input -> new Filled(input, List.copyOf(filled)));
    }

    private static PredictRequest withUci(PredictRequest r, Map<String, Double> f) {
        return new PredictRequest(
                f.get("season"),
                f.get("yr"),
                f.get("mnth"),
                f.get("hr"),
                f.get("holiday"),
                f.get("weekday"),
                f.get("workingday"),
                f.get("weathersit"),
                f.get("temp"),
                f.get("atemp"),
                f.get("hum"),
                f.get("windspeed"),
                null,
                null,
                null,
                null,
                null,
                null,
                r.hour(),
                r.seriesId(),
                r.clientKey());
    }

    /** A completed quick query. */
    record Filled(PredictionInput input, List<String> filledFields) {}
}
