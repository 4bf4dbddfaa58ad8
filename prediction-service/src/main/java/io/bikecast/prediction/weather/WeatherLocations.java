package io.bikecast.prediction.weather;

import io.bikecast.common.series.SeriesId;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which weather location of the ingest service ({@code bikecast.ingest.weather.locations}) each series' forecasts read
 * ({@code bikecast.prediction.weather.*}).
 *
 * @param locations series id to location id (default none); a series not listed reads its family's location
 *     ({@code bikecast.prediction.families[].weather-location}), or else the location of its own id, so the UCI data
 *     set's series {@code system} reads location {@code system}
 */
@ConfigurationProperties("bikecast.prediction.weather")
public record WeatherLocations(@DefaultValue Map<String, String> locations) {

    /** The location named for the series, if one is. */
    Optional<String> named(SeriesId series) {
        return Optional.ofNullable(locations.get(series.value()));
    }
}
