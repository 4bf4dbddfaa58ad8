package io.bikecast.ingest.weather;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * An Open-Meteo answer with hourly variables, as its JSON has them: one array per variable, parallel to {@code time}.
 * Nothing in it is trusted: {@link #hours()} checks every hour and says why it dropped any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OpenMeteoAnswer(
        @JsonProperty("utc_offset_seconds") @Nullable Integer utcOffsetSeconds,
        @Nullable Hourly hourly) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hourly(
            @Nullable List<@Nullable String> time,
            @JsonProperty("temperature_2m") @Nullable List<@Nullable Double> temperature,
            @JsonProperty("apparent_temperature") @Nullable List<@Nullable Double> apparentTemperature,
            @JsonProperty("relative_humidity_2m") @Nullable List<@Nullable Double> humidity,
            @JsonProperty("wind_speed_10m") @Nullable List<@Nullable Double> windSpeed,
            @JsonProperty("weather_code") @Nullable List<@Nullable Integer> weatherCode) {}

    /**
     * The hours of an answer and the reasons hours were left out. An hour without one of its values (Open-Meteo sends
     * null where a model has none), with a value outside what the earth's weather can be, or with an unknown weather
     * code is left out, with its reason.
     */
    record Hours(List<WeatherHour> hours, List<String> rejected) {}

    /** The answer's hours, checked. */
    Hours hours() {
        if (utcOffsetSeconds != null && utcOffsetSeconds != 0) {
            throw new UnusableAnswerException(
                    "its times are at UTC offset " + utcOffsetSeconds + " s, but bikecast asks for GMT (timezone=GMT)");
        }
        if (hourly == null || hourly.time() == null) {
            throw new UnusableAnswerException("it has no hourly.time");
        }
        List<@Nullable String> time = hourly.time();
        List<@Nullable Double> temperature = column("temperature_2m", hourly.temperature(), time.size());
        List<@Nullable Double> feelsLike = column("apparent_temperature", hourly.apparentTemperature(), time.size());
        List<@Nullable Double> humidity = column("relative_humidity_2m", hourly.humidity(), time.size());
        List<@Nullable Double> wind = column("wind_speed_10m", hourly.windSpeed(), time.size());
        List<@Nullable Integer> code = column("weather_code", hourly.weatherCode(), time.size());
        List<WeatherHour> hours = new ArrayList<>(time.size());
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < time.size(); i++) {
            String at = time.get(i);
            String why = problem(at, temperature.get(i), feelsLike.get(i), humidity.get(i), wind.get(i), code.get(i));
            if (why != null) {
                rejected.add("hourly.time[" + i + "] " + (at == null ? "null" : at) + ": " + why);
                continue;
            }
            int weatherCode = code.get(i);
            hours.add(new WeatherHour(
                    LocalDateTime.parse(at).toInstant(ZoneOffset.UTC),
                    temperature.get(i),
                    feelsLike.get(i),
                    humidity.get(i),
                    wind.get(i),
                    weatherCode,
                    WeatherSituations.of(weatherCode).orElseThrow()));
        }
        return new Hours(hours, rejected);
    }

    private static <T> List<@Nullable T> column(String name, @Nullable List<@Nullable T> values, int times) {
        if (values == null) {
            throw new UnusableAnswerException("it has no hourly." + name);
        }
        if (values.size() != times) {
            throw new UnusableAnswerException(
                    "hourly." + name + " has " + values.size() + " values for " + times + " times");
        }
        return values;
    }

    private static @Nullable String problem(
            @Nullable String at,
            @Nullable Double temperature,
            @Nullable Double feelsLike,
            @Nullable Double humidity,
            @Nullable Double wind,
            @Nullable Integer code) {
        if (at == null) {
            return "no time";
        }
        try {
            LocalDateTime hour = LocalDateTime.parse(at);
            if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
                return "not the start of an hour";
            }
        } catch (DateTimeParseException e) {
            return "not an ISO local date-time";
        }
        if (temperature == null || feelsLike == null || humidity == null || wind == null || code == null) {
            return "a variable has no value";
        }
        if (!within(temperature, -90, 60)) {
            return "temperature_2m " + temperature + " °C is outside -90 to 60";
        }
        if (!within(feelsLike, -100, 75)) {
            return "apparent_temperature " + feelsLike + " °C is outside -100 to 75";
        }
        if (!within(humidity, 0, 100)) {
            return "relative_humidity_2m " + humidity + " % is outside 0 to 100";
        }
        if (!within(wind, 0, 500)) {
            return "wind_speed_10m " + wind + " km/h is outside 0 to 500";
        }
        OptionalInt situation = WeatherSituations.of(code);
        return situation.isEmpty() ? "weather_code " + code + " is not a WMO present-weather code" : null;
    }

    private static boolean within(double value, double min, double max) {
        return value >= min && value <= max;
    }
}
