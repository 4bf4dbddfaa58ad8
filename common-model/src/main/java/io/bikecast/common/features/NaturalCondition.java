package io.bikecast.common.features;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * The weather components of {@link NaturalConditions}, each tied to the {@link Feature} it becomes. A condition has
 * no range of its own: its valid values are those whose feature, once scaled by {@link UciNormalization}, is one the
 * feature accepts. So the range a client is told in °C, % or km/h is derived from the one definition in {@link
 * Feature}, and a value passes here exactly when the feature path would produce a feature the model was trained on.
 */
public enum NaturalCondition {
    /** The air temperature in °C, the {@link Feature#TEMP} feature. */
    TEMPERATURE_CELSIUS(
            "temperatureCelsius", "°C", Feature.TEMP, UciNormalization::temp, UciNormalization::temperatureCelsius),
    /** The feels-like temperature in °C, the {@link Feature#ATEMP} feature. */
    FEELS_LIKE_CELSIUS(
            "feelsLikeCelsius", "°C", Feature.ATEMP, UciNormalization::atemp, UciNormalization::feelsLikeCelsius),
    /** The relative humidity in %, the {@link Feature#HUM} feature. */
    HUMIDITY_PERCENT("humidityPercent", "%", Feature.HUM, UciNormalization::hum, UciNormalization::humidityPercent),
    /** The wind speed in km/h, the {@link Feature#WINDSPEED} feature. */
    WIND_SPEED_KMH(
            "windSpeedKmh", "km/h", Feature.WINDSPEED, UciNormalization::windspeed, UciNormalization::windSpeedKmh),
    /** The weather situation code, taken as it is: the {@link Feature#WEATHERSIT} feature. */
    WEATHER_SITUATION("weatherSituation", "", Feature.WEATHERSIT, value -> value, value -> value);

    private final String componentName;
    private final String unit;
    private final Feature feature;
    private final DoubleUnaryOperator toFeature;
    private final DoubleUnaryOperator fromFeature;

    NaturalCondition(
            String componentName,
            String unit,
            Feature feature,
            DoubleUnaryOperator toFeature,
            DoubleUnaryOperator fromFeature) {
        this.componentName = componentName;
        this.unit = unit;
        this.feature = feature;
        this.toFeature = toFeature;
        this.fromFeature = fromFeature;
    }

    /** The {@link NaturalConditions} component (and request field) name, e.g. {@code temperatureCelsius}. */
    public String componentName() {
        return componentName;
    }

    /** The unit the value is given in ({@code °C}, {@code %}, {@code km/h}); empty for the weather code. */
    public String unit() {
        return unit;
    }

    /** The model feature this condition becomes. */
    public Feature feature() {
        return feature;
    }

    /** The feature value this condition becomes, exactly as {@link FeatureEngineering#fromNatural} computes it. */
    public double toFeature(double value) {
        return toFeature.applyAsDouble(value);
    }

    /** The smallest value the model was trained on, in this condition's unit: the feature's minimum, unscaled. */
    public double min() {
        return fromFeature.applyAsDouble(feature.min());
    }

    /** The largest value the model was trained on, in this condition's unit: the feature's maximum, unscaled. */
    public double max() {
        return fromFeature.applyAsDouble(feature.max());
    }

    /**
     * Why a value is not one the model was trained on, in words and in this condition's unit, without the field's
     * name (for example {@code "must be between -9.0 and 41.0 °C (the range the model was trained on) but was
     * 45.0"}); empty if its feature accepts it.
     */
    public Optional<String> violation(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of("must be a finite number but was " + value);
        }
        if (feature.kind() == FeatureKind.DISCRETE) {
            return feature.violation(value);
        }
        if (feature.accepts(toFeature(value))) {
            return Optional.empty();
        }
        return Optional.of("must be between %s and %s %s (the range the model was trained on) but was %s"
                .formatted(oneDecimal(min()), oneDecimal(max()), unit, value));
    }

    private static String oneDecimal(double value) {
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
