package io.bikecast.prediction.weather;

import io.bikecast.common.series.SeriesId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which weather location of the ingest service ({@code bikecast.ingest.weather.locations}) each series' forecasts read
 * ({@code bikecast.prediction.weather.*}).
 *
 * @param locations series id to location id (default none); a series not listed reads the location of its own id, so
 *     the UCI data set's series {@code system} reads location {@code system}
 */
@ConfigurationProperties("bikecast.prediction.weather")
public record WeatherLocations(@DefaultValue Map<String, String> locations) {

    String of(SeriesId series) {
        return locations.getOrDefault(series.value(), series.value());
    }
}
