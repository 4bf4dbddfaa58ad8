package io.bikecast.prediction.support;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import io.bikecast.testsupport.UciDataset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies built from rows of hour.csv. */
public final class Payloads {

    private Payloads() {}

    /** The UCI form of a row (mutable, so a test can break one field). */
    public static Map<String, Object> uci(UciDataset.HourRow row) {
        UciFeatures f = row.features();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("season", f.season());
        body.put("yr", f.yr());
        body.put("mnth", f.mnth());
        body.put("hr", f.hr());
        body.put("holiday", f.holiday());
        body.put("weekday", f.weekday());
        body.put("workingday", f.workingday());
        body.put("weathersit", f.weathersit());
        body.put("temp", f.temp());
        body.put("atemp", f.atemp());
        body.put("hum", f.hum());
        body.put("windspeed", f.windspeed());
        return body;
    }

    /** The natural form of a row, with a local timestamp (no offset). */
    public static Map<String, Object> natural(UciDataset.HourRow row) {
        NaturalConditions c = FeatureEngineering.toNatural(row.dteday(), row.features());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", c.localHour().toString());
        body.put("temperatureCelsius", c.temperatureCelsius());
        body.put("feelsLikeCelsius", c.feelsLikeCelsius());
        body.put("humidityPercent", c.humidityPercent());
        body.put("windSpeedKmh", c.windSpeedKmh());
        body.put("weatherSituation", c.weatherSituation());
        return body;
    }

    /** The features a row stands for. */
    public static UciFeatures features(UciDataset.HourRow row) {
        return row.features();
    }

    /**
     * A weather forecast as the ingest service stores it: the issue hour {@code issueHour} and the {@code hours} after
     * it, hour {@code h} with the weather of the UCI row {@code firstRow + h}.
     */
    public static List<Map<String, Object>> storedForecast(LocalDateTime issueHour, int firstRow, int hours) {
        return storedForecast(issueHour, firstRow, hours, SeriesId.ZONE);
    }

    /** The same, for a series whose local hours are in {@code zone}. */
    public static List<Map<String, Object>> storedForecast(
            LocalDateTime issueHour, int firstRow, int hours, ZoneId zone) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int h = 0; h <= hours; h++) {
            Map<String, Object> hour = natural(UciDataset.hours().get(firstRow + h));
            hour.remove("timestamp");
            hour.put("hour", issueHour.plusHours(h).atZone(zone).toInstant().toString());
            entries.add(hour);
        }
        return entries;
    }
}
