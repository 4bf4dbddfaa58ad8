package io.bikecast.prediction.weather;

import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.series.SeriesId;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The stored weather forecast of a series' coming hours. Nothing feeds it yet (live weather arrives with the live-feeds
 * issue), so it holds none; a forecast made from it says so rather than guess the weather.
 */
@Component
public class WeatherForecasts {

    /**
     * The forecast conditions of the {@code hours} hours after {@code issuedAt}.
     *
     * @throws NoWeatherForecastException when they are not all stored, which today is always
     */
    public List<NaturalConditions> hoursAfter(SeriesId seriesId, LocalDateTime issuedAt, int hours) {
        throw new NoWeatherForecastException(seriesId.value(), hours);
    }
}
