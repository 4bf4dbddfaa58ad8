package io.bikecast.console.services;

import io.bikecast.common.features.UciNormalization;
import io.bikecast.console.services.IngestApi.Export;
import io.bikecast.console.services.PredictionApi.HourWeather;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A series' last hours as ingest exports them: their counts, and their weather in real units (what a repeat of them
 * would be, for a forecast when no weather forecast is stored).
 */
public record RecentHours(List<LocalDateTime> hours, List<Double> counts, List<HourWeather> weather) {

    public static final RecentHours NONE = new RecentHours(List.of(), List.of(), List.of());

    /** The export's rows, or {@link #NONE} when it lacks a column this needs. */
    public static RecentHours of(Export export) {
        List<String> columns = export.columns() == null ? List.of() : export.columns();
        List<List<Object>> rows = export.rows() == null ? List.of() : export.rows();
        int hour = columns.indexOf("hour");
        int count = columns.indexOf("cnt");
        int situation = columns.indexOf("weathersit");
        int temp = columns.indexOf("temp");
        int atemp = columns.indexOf("atemp");
        int hum = columns.indexOf("hum");
        int wind = columns.indexOf("windspeed");
        if (hour < 0 || count < 0 || situation < 0 || temp < 0 || atemp < 0 || hum < 0 || wind < 0) {
            return NONE;
        }
        List<LocalDateTime> hours = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<HourWeather> weather = new ArrayList<>();
        for (List<Object> row : rows) {
            hours.add(LocalDateTime.parse(row.get(hour).toString()));
            counts.add(number(row.get(count)));
            weather.add(new HourWeather(
                    UciNormalization.temperatureCelsius(number(row.get(temp))),
                    UciNormalization.feelsLikeCelsius(number(row.get(atemp))),
                    UciNormalization.humidityPercent(number(row.get(hum))),
                    UciNormalization.windSpeedKmh(number(row.get(wind))),
                    (int) number(row.get(situation))));
        }
        return new RecentHours(hours, counts, weather);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }
}
