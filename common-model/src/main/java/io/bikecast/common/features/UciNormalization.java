package io.bikecast.common.features;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the UCI data set scaled its four weather columns to 0..1, forwards (real units to features) and backwards: the
 * one place that knows these constants.
 *
 * <p>The data set's {@code Readme.txt} says temperatures were divided by 41 and 50, but the data says otherwise, and
 * the data is what the model learns from. The values read off {@code hour.csv} are:
 *
 * <ul>
 *   <li>{@code temp = (°C + 9) / 50}: every {@code temp} is a multiple of 1/50, so the source was whole degrees over a
 *       50-degree span, -8 °C (the coldest hour, 22 January 2011) to 41 °C (the hottest, 7 July 2012, when Washington
 *       reached 105 °F);
 *   <li>{@code atemp = (°C + 16) / 66}: every {@code 66 × atemp} is a whole number, so the source was whole degrees
 *       from -16 °C to 50 °C (the span the UCI web page gives for {@code atemp});
 *   <li>{@code hum = % / 100} and {@code windspeed = km/h / 67}, as documented (both are whole numbers in the source).
 * </ul>
 *
 * <p>Two checks confirm the temperatures: in every hour between 12 °C and 19 °C, where no wind-chill or heat-index
 * correction applies, the feels-like temperature equals the temperature exactly with these formulas (and never with
 * the Readme's); and in cold, windy hours the North American wind-chill formula applied to these temperatures and
 * speeds in km/h gives {@code atemp} to within rounding. With the Readme's formulas 0 °C would be served as 0 where
 * the model learnt it as 0.18: a silent skew between training and serving.
 *
 * <p>The forward functions round to the precision of the data set's columns (temp and hum 2 decimals, atemp and
 * windspeed 4), so that conditions seen in training produce bit-identical features when served, and a row's features
 * survive a trip through real units unchanged. The rounding is finer than the source's whole-degree resolution, so no
 * information the model could use is lost. Values outside the trained range are not clamped: they are reported by
 * {@link UciFeatures#rangeViolations()}.
 */
public final class UciNormalization {

    /** The temperature that {@code temp} 0 stands for. */
    public static final double TEMP_ZERO_CELSIUS = -9;
    /** The degrees between {@code temp} 0 and 1. */
    public static final double TEMP_SPAN_CELSIUS = 50;
    /** The feels-like temperature that {@code atemp} 0 stands for. */
    public static final double ATEMP_ZERO_CELSIUS = -16;
    /** The degrees between {@code atemp} 0 and 1. */
    public static final double ATEMP_SPAN_CELSIUS = 66;
    /** The humidity that {@code hum} 1 stands for. */
    public static final double HUM_SPAN_PERCENT = 100;
    /** The wind speed that {@code windspeed} 1 stands for. */
    public static final double WINDSPEED_SPAN_KMH = 67;

    private static final int TEMP_DECIMALS = 2;
    private static final int ATEMP_DECIMALS = 4;
    private static final int HUM_DECIMALS = 2;
    private static final int WINDSPEED_DECIMALS = 4;

    private UciNormalization() {}

    /** The {@code temp} feature of an air temperature. */
    public static double temp(double celsius) {
        return round((celsius - TEMP_ZERO_CELSIUS) / TEMP_SPAN_CELSIUS, TEMP_DECIMALS);
    }

    /** The {@code atemp} feature of a feels-like temperature. */
    public static double atemp(double celsius) {
        return round((celsius - ATEMP_ZERO_CELSIUS) / ATEMP_SPAN_CELSIUS, ATEMP_DECIMALS);
    }

    /** The {@code hum} feature of a relative humidity. */
    public static double hum(double percent) {
        return round(percent / HUM_SPAN_PERCENT, HUM_DECIMALS);
    }

    /** The {@code windspeed} feature of a wind speed. */
    public static double windspeed(double kmh) {
        return round(kmh / WINDSPEED_SPAN_KMH, WINDSPEED_DECIMALS);
    }

    /** The air temperature a {@code temp} value stands for. */
    public static double temperatureCelsius(double temp) {
        return TEMP_ZERO_CELSIUS + temp * TEMP_SPAN_CELSIUS;
    }

    /** The feels-like temperature an {@code atemp} value stands for. */
    public static double feelsLikeCelsius(double atemp) {
        return ATEMP_ZERO_CELSIUS + atemp * ATEMP_SPAN_CELSIUS;
    }

    /** The relative humidity a {@code hum} value stands for. */
    public static double humidityPercent(double hum) {
        return hum * HUM_SPAN_PERCENT;
    }

    /** The wind speed a {@code windspeed} value stands for. */
    public static double windSpeedKmh(double windspeed) {
        return windspeed * WINDSPEED_SPAN_KMH;
    }

    /** Half-up decimal rounding of the value's shortest decimal form; NaN and infinities are left alone. */
    private static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
