package io.bikecast.common.features;

import io.bikecast.common.series.SeriesId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The single feature path: training, serving, ingest and monitoring all compute features here, so a model is served
 * exactly the features it was trained on. It reproduces every row of the UCI {@code hour.csv} from the row's date,
 * hour and weather in real units (the tests check all 17,379). Models read the features as {@link #featureNames()}
 * and {@link #vector}; the model-codec module wraps those two in Tribuo examples, so this module needs no Tribuo.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureEngineering {

    /** The year the data set's {@code yr} counts from: {@code yr} 0 is 2011. */
    public static final int FIRST_YEAR = 2011;

    /** The largest {@code yr} the model was trained on (2012). */
    public static final int LAST_TRAINED_YR = 1;

    private FeatureEngineering() {}

    /**
     * The features of one hour given in real units. The hour is {@code c.localHour()} truncated to the hour; the
     * weather is scaled by {@link UciNormalization}.
     *
     * @throws NullPointerException if the conditions or their hour are null
     */
    public static UciFeatures fromNatural(NaturalConditions c) {
        Objects.requireNonNull(c, "conditions");
        LocalDateTime hour = Objects.requireNonNull(c.localHour(), "localHour");
        return fromDate(
                hour.toLocalDate(),
                hour.getHour(),
                c.weatherSituation(),
                UciNormalization.temp(c.temperatureCelsius()),
                UciNormalization.atemp(c.feelsLikeCelsius()),
                UciNormalization.hum(c.humidityPercent()),
                UciNormalization.windspeed(c.windSpeedKmh()));
    }

    /**
     * The features of one hour whose weather is already in the data set's units: the calendar fields (season, yr,
     * mnth, holiday, weekday, workingday) are computed from the date, the rest is taken as given. Ingest uses it to
     * check that a row's calendar fields agree with its date.
     *
     * @param date the local date in {@link SeriesId#ZONE}
     * @param hr the local hour, 0 to 23 (not checked here: see {@link UciFeatures#rangeViolations()})
     */
    public static UciFeatures fromDate(
            LocalDate date, int hr, int weathersit, double temp, double atemp, double hum, double windspeed) {
        boolean holiday = WashingtonDcHolidays.isHoliday(date);
        return new UciFeatures(
                Seasons.seasonOf(date),
                yr(date.getYear()),
                date.getMonthValue(),
                hr,
                holiday ? 1 : 0,
                weekday(date),
                workingday(date, holiday),
                weathersit,
                temp,
                atemp,
                hum,
                windspeed);
    }

    /**
     * The real-world conditions a row of the data set stands for: the inverse of {@link #fromNatural}, for replaying
     * the data set as requests. {@code fromNatural(toNatural(date, f))} gives {@code f} back for every row of the data
     * set.
     *
     * @throws java.time.DateTimeException if {@code f.hr()} is not an hour of the day
     */
    public static NaturalConditions toNatural(LocalDate date, UciFeatures f) {
        return new NaturalConditions(
                date.atTime(f.hr(), 0),
                UciNormalization.temperatureCelsius(f.temp()),
                UciNormalization.feelsLikeCelsius(f.atemp()),
                UciNormalization.humidityPercent(f.hum()),
                UciNormalization.windSpeedKmh(f.windspeed()),
                f.weathersit());
    }

    /**
     * The data set's {@code yr} of a calendar year, clamped to what the model was trained on: 0 for 2011 and before,
     * 1 for 2012 and after. An unclamped 2013 would be yr 2, a value no model has seen; tree models would treat it
     * like 1 anyway and linear ones would extrapolate the 2011-to-2012 growth without limit, so the latest known year
     * is the honest answer. Revisit when a model is trained on later data.
     */
    public static int yr(int year) {
        return Math.clamp(year - FIRST_YEAR, 0, LAST_TRAINED_YR);
    }

    /** The data set's {@code weekday}: 0 Sunday, 1 Monday, ..., 6 Saturday. */
    public static int weekday(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7;
    }

    /** The model's input as a vector in {@link FeatureSchema} order. */
    public static double[] vector(UciFeatures f) {
        return f.toVector();
    }

    /** The feature names in model order: {@link FeatureSchema#featureNames()}. */
    public static String[] featureNames() {
        return FeatureSchema.featureNames();
    }

    private static int workingday(LocalDate date, boolean holiday) {
        DayOfWeek day = date.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return weekend || holiday ? 0 : 1;
    }
}
