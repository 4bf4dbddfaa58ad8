package io.bikecast.ingest.weather;

import java.util.OptionalInt;

/**
 * WMO weather interpretation codes (WMO 4677, as Open-Meteo's {@code weather_code}) mapped onto the UCI data set's
 * four weather situations, which its readme defines as: 1 clear, few or partly cloudy; 2 mist, cloudy, broken clouds;
 * 3 light snow, light rain, thunderstorm with scattered clouds; 4 heavy rain, ice pellets, thunderstorm with mist,
 * snow with fog. Light and moderate precipitation is 3, heavy precipitation, freezing rain and thunderstorms are 4;
 * fog alone is mist, 2.
 */
final class WeatherSituations {

    private WeatherSituations() {}

    /** The UCI situation of a WMO code; empty for a code WMO 4677 does not define for present weather here. */
    static OptionalInt of(int wmoCode) {
        return switch (wmoCode) {
            case 0, 1, 2 -> OptionalInt.of(1);
            case 3, 45, 48 -> OptionalInt.of(2);
            case 51, 53, 55, 56, 57, 61, 63, 71, 73, 77, 80, 81, 85 -> OptionalInt.of(3);
            case 65, 66, 67, 75, 82, 86, 95, 96, 99 -> OptionalInt.of(4);
            default -> OptionalInt.empty();
        };
    }
}
