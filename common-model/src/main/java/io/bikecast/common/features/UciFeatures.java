package io.bikecast.common.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One hour's model input in the UCI data set's own units: what the model is trained on, what it is served with and
 * what is logged with every prediction. Components are named after the UCI columns.
 *
 * <p>Construction never fails on an out-of-range value, because ingest has to be able to hold a bad row in order to
 * report it: ranges are reported by {@link #rangeViolations()} (for code such as CSV ingest) and by the {@link
 * ValidFeature} constraints (for Bean Validation), both of which ask {@link Feature}, where each range is written once.
 */
public record UciFeatures(
        @ValidFeature(Feature.SEASON) int season,
        @ValidFeature(Feature.YR) int yr,
        @ValidFeature(Feature.MNTH) int mnth,
        @ValidFeature(Feature.HR) int hr,
        @ValidFeature(Feature.HOLIDAY) int holiday,
        @ValidFeature(Feature.WEEKDAY) int weekday,
        @ValidFeature(Feature.WORKINGDAY) int workingday,
        @ValidFeature(Feature.WEATHERSIT) int weathersit,
        @ValidFeature(Feature.TEMP) double temp,
        @ValidFeature(Feature.ATEMP) double atemp,
        @ValidFeature(Feature.HUM) double hum,
        @ValidFeature(Feature.WINDSPEED) double windspeed) {

    /** The value of one feature. */
    public double value(Feature feature) {
        return switch (feature) {
            case SEASON -> season;
            case YR -> yr;
            case MNTH -> mnth;
            case HR -> hr;
            case HOLIDAY -> holiday;
            case WEEKDAY -> weekday;
            case WORKINGDAY -> workingday;
            case WEATHERSIT -> weathersit;
            case TEMP -> temp;
            case ATEMP -> atemp;
            case HUM -> hum;
            case WINDSPEED -> windspeed;
        };
    }

    /** The values in {@link FeatureSchema} order; a new array on every call. */
    public double[] toVector() {
        List<Feature> features = FeatureSchema.features();
        double[] vector = new double[features.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = value(features.get(i));
        }
        return vector;
    }

    /**
     * The inverse of {@link #toVector()}.
     *
     * @throws IllegalArgumentException if the vector does not have one value per feature, or a discrete feature's value
     *     is not a whole number that fits an int (an out-of-range whole number is accepted, and reported by {@link
     *     #rangeViolations()})
     */
    public static UciFeatures fromVector(double[] vector) {
        int expected = FeatureSchema.features().size();
        if (vector == null || vector.length != expected) {
            throw new IllegalArgumentException("A feature vector has " + expected + " values but this one has "
                    + (vector == null ? "none" : vector.length));
        }
        return new UciFeatures(
                whole(vector, Feature.SEASON),
                whole(vector, Feature.YR),
                whole(vector, Feature.MNTH),
                whole(vector, Feature.HR),
                whole(vector, Feature.HOLIDAY),
                whole(vector, Feature.WEEKDAY),
                whole(vector, Feature.WORKINGDAY),
                whole(vector, Feature.WEATHERSIT),
                at(vector, Feature.TEMP),
                at(vector, Feature.ATEMP),
                at(vector, Feature.HUM),
                at(vector, Feature.WINDSPEED));
    }

    /**
     * Every out-of-range value, as {@code "field: reason"} (for example {@code "hr: must be a whole number from 0 to
     * 23 but was 24"}), in model order; empty if all values are valid.
     */
    public List<String> rangeViolations() {
        List<String> violations = new ArrayList<>();
        for (Feature feature : FeatureSchema.features()) {
            Optional<String> violation = feature.violation(value(feature));
            violation.ifPresent(reason -> violations.add(feature.columnName() + ": " + reason));
        }
        return List.copyOf(violations);
    }

    private static int whole(double[] vector, Feature feature) {
        double value = at(vector, feature);
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(feature.columnName() + ": must be a whole number but was " + value);
        }
        return (int) value;
    }

    private static double at(double[] vector, Feature feature) {
        return vector[FeatureSchema.features().indexOf(feature)];
    }
}
