package io.bikecast.prediction.api;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.features.UciNormalization;
import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.prediction.serving.PredictionInput;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link PredictRequest} and turns it into a {@link PredictionInput}, collecting every problem (not just the
 * first) as an {@link InvalidField} whose path starts with the given prefix ({@code rows[3].} in a batch).
 */
final class InputValidator {

    static final int MAX_CLIENT_KEY_LENGTH = 200;

    private static final String NATURAL_FIELDS =
            "timestamp, temperatureCelsius, feelsLikeCelsius, humidityPercent, windSpeedKmh, weatherSituation";

    private InputValidator() {}

    /** The input, or empty with the problems added to {@code errors}. */
    static Optional<PredictionInput> validate(
            @Nullable PredictRequest request, String prefix, List<InvalidField> errors) {
        if (request == null) {
            errors.add(InvalidField.of(prefix.isEmpty() ? "body" : trimDot(prefix), "must be a prediction object"));
            return Optional.empty();
        }
        int before = errors.size();
        SeriesId seriesId = seriesId(request.seriesId(), prefix, errors);
        String clientKey = request.clientKey();
        if (clientKey != null && (clientKey.isBlank() || clientKey.length() > MAX_CLIENT_KEY_LENGTH)) {
            errors.add(new InvalidField(
                    prefix + "clientKey", "must be 1 to " + MAX_CLIENT_KEY_LENGTH + " characters", clientKey));
        }
        Map<String, Double> uci = uciFields(request);
        boolean natural = request.timestamp() != null
                || request.temperatureCelsius() != null
                || request.feelsLikeCelsius() != null
                || request.humidityPercent() != null
                || request.windSpeedKmh() != null
                || request.weatherSituation() != null;
        Optional<PredictionInput> input;
        if (natural) {
            uci.forEach((field, value) -> {
                if (value != null) {
                    errors.add(new InvalidField(
                            prefix + field,
                            "belongs to the UCI form, but this request uses the natural form (" + NATURAL_FIELDS
                                    + "); send the fields of one form only",
                            value));
                }
            });
            input = natural(request, seriesId, clientKey, prefix, errors);
        } else {
            input = uci(uci, request.hour(), seriesId, clientKey, prefix, errors);
        }
        return errors.size() == before ? input : Optional.empty();
    }

    /** The UCI fields of a request by column name, in model order; absent ones are null. */
    static Map<String, Double> uciFields(PredictRequest r) {
        Map<String, Double> fields = new LinkedHashMap<>();
        fields.put("season", r.season());
        fields.put("yr", r.yr());
        fields.put("mnth", r.mnth());
        fields.put("hr", r.hr());
        fields.put("holiday", r.holiday());
        fields.put("weekday", r.weekday());
        fields.put("workingday", r.workingday());
        fields.put("weathersit", r.weathersit());
        fields.put("temp", r.temp());
        fields.put("atemp", r.atemp());
        fields.put("hum", r.hum());
        fields.put("windspeed", r.windspeed());
        return fields;
    }

    /** Validates the twelve UCI values (all present, each in range) and the optional hour they describe. */
    static Optional<PredictionInput> uci(
            Map<String, Double> fields,
            @Nullable String hourText,
            SeriesId seriesId,
            @Nullable String clientKey,
            String prefix,
            List<InvalidField> errors) {
        int before = errors.size();
        double[] vector = new double[FeatureSchema.features().size()];
        int i = 0;
        for (Feature feature : FeatureSchema.features()) {
            Double value = fields.get(feature.columnName());
            if (value == null) {
                errors.add(InvalidField.of(
                        prefix + feature.columnName(),
                        "missing: the UCI form needs all of " + String.join(", ", FeatureSchema.featureNames())
                                + " (or send the natural form: " + NATURAL_FIELDS + ")"));
            } else {
                feature.violation(value)
                        .ifPresent(
                                reason -> errors.add(new InvalidField(prefix + feature.columnName(), reason, value)));
                vector[i] = value;
            }
            i++;
        }
        LocalDateTime hour = null;
        if (hourText != null) {
            hour = parseLocalHour(hourText, prefix + "hour", errors);
            Double hr = fields.get(Feature.HR.columnName());
            if (hour != null && hr != null && hr != hour.getHour()) {
                errors.add(new InvalidField(
                        prefix + "hour",
                        "is hour " + hour.getHour() + " of the day (Washington, D.C. time) but hr is " + hr.intValue(),
                        hourText));
            }
        }
        if (errors.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new PredictionInput(UciFeatures.fromVector(vector), seriesId, hour, clientKey));
    }

    private static Optional<PredictionInput> natural(
            PredictRequest r, SeriesId seriesId, @Nullable String clientKey, String prefix, List<InvalidField> errors) {
        int before = errors.size();
        LocalDateTime hour = null;
        if (r.timestamp() == null) {
            missing(prefix + "timestamp", errors);
        } else {
            hour = parseLocalHour(r.timestamp(), prefix + "timestamp", errors);
        }
        if (r.hour() != null) {
            errors.add(new InvalidField(
                    prefix + "hour",
                    "is for the UCI form; in the natural form the timestamp gives the hour",
                    r.hour()));
        }
        Double temperature = required(r.temperatureCelsius(), prefix + "temperatureCelsius", errors);
        Double feelsLike = required(r.feelsLikeCelsius(), prefix + "feelsLikeCelsius", errors);
        Double humidity = required(r.humidityPercent(), prefix + "humidityPercent", errors);
        Double wind = required(r.windSpeedKmh(), prefix + "windSpeedKmh", errors);
        Double situation = required(r.weatherSituation(), prefix + "weatherSituation", errors);
        if (humidity != null && !(humidity >= 0 && humidity <= 100)) {
            errors.add(new InvalidField(
                    prefix + "humidityPercent", "must be between 0 and 100 but was " + humidity, humidity));
        }
        if (situation != null) {
            Feature.WEATHERSIT
                    .violation(situation)
                    .ifPresent(reason -> errors.add(new InvalidField(prefix + "weatherSituation", reason, situation)));
        }
        if (errors.size() != before) {
            return Optional.empty();
        }
        UciFeatures features = FeatureEngineering.fromNatural(
                new NaturalConditions(hour, temperature, feelsLike, humidity, wind, situation.intValue()));
        for (Feature feature : FeatureSchema.features()) {
            if (!feature.accepts(features.value(feature))) {
                errors.add(outsideTrainedRange(feature, r, prefix));
            }
        }
        return errors.size() == before
                ? Optional.of(new PredictionInput(features, seriesId, hour, clientKey))
                : Optional.empty();
    }

    /** A derived feature out of range, reported against the natural field it came from, in that field's units. */
    private static InvalidField outsideTrainedRange(Feature feature, PredictRequest r, String prefix) {
        return switch (feature) {
            case TEMP ->
                range(
                        prefix + "temperatureCelsius",
                        UciNormalization.temperatureCelsius(0),
                        UciNormalization.temperatureCelsius(1),
                        "°C",
                        r.temperatureCelsius());
            case ATEMP ->
                range(
                        prefix + "feelsLikeCelsius",
                        UciNormalization.feelsLikeCelsius(0),
                        UciNormalization.feelsLikeCelsius(1),
                        "°C",
                        r.feelsLikeCelsius());
            case HUM -> range(prefix + "humidityPercent", 0, 100, "%", r.humidityPercent());
            case WINDSPEED ->
                range(prefix + "windSpeedKmh", 0, UciNormalization.windSpeedKmh(1), "km/h", r.windSpeedKmh());
            default ->
                new InvalidField(prefix + "timestamp", "gives an invalid " + feature.columnName(), r.timestamp());
        };
    }

    private static InvalidField range(String field, double min, double max, String unit, Double value) {
        return new InvalidField(
                field,
                "must be between %s and %s %s (the range the model was trained on) but was %s"
                        .formatted(round(min), round(max), unit, value),
                value);
    }

    private static String round(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }

    /**
     * An ISO-8601 date-time as a local hour in Washington, D.C.: with an offset or zone it is converted, without one it
     * is taken as local time; minutes and seconds are dropped.
     */
    static @Nullable LocalDateTime parseLocalHour(String text, String field, List<InvalidField> errors) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? NaturalConditions.localHourOf(zoned.toInstant())
                    : ((LocalDateTime) parsed).truncatedTo(ChronoUnit.HOURS);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidField(
                    field,
                    "must be an ISO-8601 date-time such as 2012-07-04T17:00:00-04:00 (converted to Washington, D.C. "
                            + "time) or 2012-07-04T17:00 (already local time there)",
                    text));
            return null;
        }
    }

    private static SeriesId seriesId(@Nullable String value, String prefix, List<InvalidField> errors) {
        if (value == null) {
            return SeriesId.SYSTEM;
        }
        if (!SeriesId.PATTERN.matcher(value).matches()) {
            errors.add(new InvalidField(
                    prefix + "seriesId",
                    "must match " + SeriesId.PATTERN.pattern() + " (lower-case letters, digits, _ and -)",
                    value));
            return SeriesId.SYSTEM;
        }
        return SeriesId.of(value);
    }

    private static @Nullable Double required(@Nullable Double value, String field, List<InvalidField> errors) {
        if (value == null) {
            missing(field, errors);
            return null;
        }
        if (!Double.isFinite(value)) {
            errors.add(new InvalidField(field, "must be a finite number", value));
            return null;
        }
        return value;
    }

    private static void missing(String field, List<InvalidField> errors) {
        errors.add(InvalidField.of(field, "missing: the natural form needs all of " + NATURAL_FIELDS));
    }

    private static String trimDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
