package io.bikecast.common.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.features.UciData.HourRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weather scaling, and the evidence in the data for it (the data set's Readme gives other constants for the
 * temperatures; see {@link UciNormalization}).
 */
class UciNormalizationTest {

    @Test
    void theEndsOfTheTrainedRangeMapToTheDataSetsExtremes() {
        assertThat(UciNormalization.temp(-8)).isEqualTo(0.02);
        assertThat(UciNormalization.temp(41)).isEqualTo(1.0);
        assertThat(UciNormalization.temp(0)).isEqualTo(0.18);
        assertThat(UciNormalization.atemp(-16)).isEqualTo(0.0);
        assertThat(UciNormalization.atemp(50)).isEqualTo(1.0);
        assertThat(UciNormalization.atemp(-15)).isEqualTo(0.0152);
        assertThat(UciNormalization.hum(81)).isEqualTo(0.81);
        assertThat(UciNormalization.windspeed(0)).isEqualTo(0.0);
        assertThat(UciNormalization.windspeed(6)).isEqualTo(0.0896);
        assertThat(UciNormalization.windspeed(57)).isEqualTo(0.8507);
    }

    @Test
    void roundsHalfUpToTheDataSetsPrecision() {
        assertThat(UciNormalization.temp(-8.75)).isEqualTo(0.01); // 0.005
        assertThat(UciNormalization.temp(20.3)).isEqualTo(0.59); // 0.586
        assertThat(UciNormalization.hum(45.5)).isEqualTo(0.46); // 0.455
        assertThat(UciNormalization.atemp(20)).isEqualTo(0.5455); // 0.54545...
        assertThat(UciNormalization.windspeed(13)).isEqualTo(0.194); // 0.19402...
    }

    @Test
    void doesNotClampOrBreakOnValuesOutsideTheTrainedRange() {
        assertThat(UciNormalization.temp(45)).isEqualTo(1.08);
        assertThat(UciNormalization.temp(-20)).isEqualTo(-0.22);
        assertThat(UciNormalization.hum(Double.NaN)).isNaN();
        assertThat(UciNormalization.windspeed(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(UciNormalization.atemp(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void inverseFunctionsUndoTheForwardOnes() {
        assertThat(UciNormalization.temperatureCelsius(0.02)).isCloseTo(-8, within(1e-9));
        assertThat(UciNormalization.feelsLikeCelsius(0.0152)).isCloseTo(-15, within(0.01));
        assertThat(UciNormalization.humidityPercent(0.81)).isCloseTo(81, within(1e-9));
        assertThat(UciNormalization.windSpeedKmh(0.0896)).isCloseTo(6, within(0.01));
        for (int celsius = -9; celsius <= 41; celsius++) {
            assertThat(UciNormalization.temp(UciNormalization.temperatureCelsius(UciNormalization.temp(celsius))))
                    .isEqualTo(UciNormalization.temp(celsius));
        }
    }

    @Test
    void theSourceValuesWereWholeUnitsOnTheseScales() {
        for (HourRow row : UciData.hours()) {
            assertThat(row.temp() * 50).isCloseTo(Math.rint(row.temp() * 50), within(1e-9));
            assertThat(row.hum() * 100).isCloseTo(Math.rint(row.hum() * 100), within(1e-9));
            // atemp and windspeed carry 4 decimals: whole numbers up to a rounding of 0.00005 times the span
            assertThat(row.atemp() * 66).isCloseTo(Math.rint(row.atemp() * 66), within(0.0034));
            assertThat(row.windspeed() * 67).isCloseTo(Math.rint(row.windspeed() * 67), within(0.0034));
        }
    }

    @Test
    void feelsLikeEqualsTheTemperatureWhereNoCorrectionApplies() {
        List<HourRow> mild = UciData.hours().stream()
                .filter(row -> {
                    double celsius = UciNormalization.temperatureCelsius(row.temp());
                    return celsius >= 12 && celsius <= 19;
                })
                .toList();

        assertThat(mild).hasSizeGreaterThan(3_000);
        assertThat(mild)
                .allSatisfy(row -> assertThat(UciNormalization.feelsLikeCelsius(row.atemp()))
                        .isCloseTo(UciNormalization.temperatureCelsius(row.temp()), within(0.01)));
    }

    @Test
    void theWindChillFormulaGivesTheFeelsLikeTemperatureOfColdWindyHours() {
        List<HourRow> coldAndWindy = UciData.hours().stream()
                .filter(row -> UciNormalization.temperatureCelsius(row.temp()) <= 10
                        && UciNormalization.windSpeedKmh(row.windspeed()) > 4.8)
                .toList();
        long reproduced = coldAndWindy.stream()
                .filter(row ->
                        Math.abs(Math.rint(windChill(row)) - UciNormalization.feelsLikeCelsius(row.atemp())) < 0.01)
                .count();
        double meanError = coldAndWindy.stream()
                .mapToDouble(row -> UciNormalization.feelsLikeCelsius(row.atemp()) - windChill(row))
                .average()
                .orElseThrow();

        assertThat(coldAndWindy).hasSizeGreaterThan(4_000);
        assertThat((double) reproduced / coldAndWindy.size()).isGreaterThan(0.7);
        assertThat(meanError).isCloseTo(0, within(0.25));
    }

    /** The North American (2001) wind-chill index in °C for a temperature in °C and a wind speed in km/h. */
    private static double windChill(HourRow row) {
        double celsius = UciNormalization.temperatureCelsius(row.temp());
        double kmh = UciNormalization.windSpeedKmh(row.windspeed());
        double v = Math.pow(kmh, 0.16);
        return 13.12 + 0.6215 * celsius - 11.37 * v + 0.3965 * celsius * v;
    }
}
