package io.bikecast.common.features;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The model's features, in model order, each with the UCI column it comes from and the values it may take. This is
 * the single description of what a valid feature value is: range checks, drift tests and the Tribuo feature names are
 * all derived from it.
 */
public enum Feature {
    /** Season code, 1 to 4 (see {@link Seasons}). */
    SEASON("season", FeatureKind.DISCRETE, 1, 4),
    /** Year: 0 for 2011, 1 for 2012 (see {@link FeatureEngineering#yr(int)}). */
    YR("yr", FeatureKind.DISCRETE, 0, 1),
    /** Month, 1 to 12. */
    MNTH("mnth", FeatureKind.DISCRETE, 1, 12),
    /** Local hour of the day, 0 to 23. */
    HR("hr", FeatureKind.DISCRETE, 0, 23),
    /** 1 on a Washington, D.C. public holiday as observed (see {@link WashingtonDcHolidays}), else 0. */
    HOLIDAY("holiday", FeatureKind.DISCRETE, 0, 1),
    /** Day of the week: 0 Sunday, 1 Monday, ..., 6 Saturday. */
    WEEKDAY("weekday", FeatureKind.DISCRETE, 0, 6),
    /** 1 if the day is neither a weekend day nor a holiday, else 0. */
    WORKINGDAY("workingday", FeatureKind.DISCRETE, 0, 1),
    /** Weather situation, 1 (clear) to 4 (heavy rain, snow, fog). */
    WEATHERSIT("weathersit", FeatureKind.DISCRETE, 1, 4),
    /** Normalised temperature (see {@link UciNormalization#temp(double)}). */
    TEMP("temp", FeatureKind.CONTINUOUS, 0, 1),
    /** Normalised feels-like temperature (see {@link UciNormalization#atemp(double)}). */
    ATEMP("atemp", FeatureKind.CONTINUOUS, 0, 1),
    /** Normalised relative humidity (see {@link UciNormalization#hum(double)}). */
    HUM("hum", FeatureKind.CONTINUOUS, 0, 1),
    /** Normalised wind speed (see {@link UciNormalization#windspeed(double)}). */
    WINDSPEED("windspeed", FeatureKind.CONTINUOUS, 0, 1);

    private final String columnName;
    private final FeatureKind kind;
    private final double min;
    private final double max;

    Feature(String columnName, FeatureKind kind, double min, double max) {
        this.columnName = columnName;
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    /** The UCI column name, which is also the Tribuo feature name and the {@link UciFeatures} component name. */
    public String columnName() {
        return columnName;
    }

    public FeatureKind kind() {
        return kind;
    }

    /** The smallest valid value, inclusive. */
    public double min() {
        return min;
    }

    /** The largest valid value, inclusive. */
    public double max() {
        return max;
    }

    /** Every valid code of a discrete feature, ascending; an empty array for a continuous feature. */
    public int[] categories() {
        return kind == FeatureKind.DISCRETE
                ? IntStream.rangeClosed((int) min, (int) max).toArray()
                : new int[0];
    }

    /** True if the value is one this feature may take. */
    public boolean accepts(double value) {
        return violation(value).isEmpty();
    }

    /**
     * Why a value is not one this feature may take, in words, without the feature's name (for example {@code "must be
     * a whole number from 1 to 4 but was 5"}); empty if it is valid.
     */
    public Optional<String> violation(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of("must be a finite number but was " + value);
        }
        if (kind == FeatureKind.DISCRETE) {
            boolean valid = value == Math.rint(value) && value >= min && value <= max;
            return valid
                    ? Optional.empty()
                    : Optional.of("must be a whole number from " + (int) min + " to " + (int) max + " but was "
                            + format(value));
        }
        return value >= min && value <= max
                ? Optional.empty()
                : Optional.of("must be between " + min + " and " + max + " but was " + value);
    }

    /** The feature whose UCI column (and Tribuo feature) has this name, if any. */
    public static Optional<Feature> byColumnName(String columnName) {
        return Arrays.stream(values())
                .filter(feature -> feature.columnName.equals(columnName))
                .findFirst();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
