package io.bikecast.console.services;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The prediction service: predictions, forecasts, what it serves and what it knows of each series. */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
public interface PredictionApi {

    String NAME = "prediction service";

    /** A prediction in either form: the body's fields decide which (see docs/prediction-service.md). */
    @PostExchange(url = "/api/v1/predict", contentType = MediaType.APPLICATION_JSON_VALUE)
    Prediction predict(@RequestBody Map<String, Object> request);

    /** The next hours from the stored weather forecast; 409 when none is stored. */
    @GetExchange("/api/v1/forecast")
    Forecast storedWeatherForecast(@RequestParam String series, @RequestParam int hours);

    /** The next hours from the weather given for each. */
    @PostExchange(url = "/api/v1/forecast", contentType = MediaType.APPLICATION_JSON_VALUE)
    Forecast forecast(@RequestBody ForecastRequest request);

    /** The next hours of every series whose id starts with {@code prefix}, from the stored weather; 409 without. */
    @GetExchange("/api/v1/forecast/series")
    BulkForecast storedWeatherForecasts(@RequestParam String prefix, @RequestParam int hours);

    /** The next hours of every series whose id starts with {@code prefix}, all from the same weather given. */
    @PostExchange(url = "/api/v1/forecast/series", contentType = MediaType.APPLICATION_JSON_VALUE)
    BulkForecast forecasts(@RequestParam String prefix, @RequestBody ForecastRequest request);

    @GetExchange("/api/v1/models/active")
    ActiveModels active();

    @GetExchange("/api/v1/history/{series}")
    SeriesHistory history(@PathVariable String series);

    /** The 10th and 90th percentiles. */
    record Interval(double p10, double p90) {}

    record Prediction(
            String seriesId,
            @Nullable LocalDateTime hour,
            long predictedCount,
            double rawPrediction,
            @Nullable Interval interval,
            long modelVersion,
            String servedBy,
            @Nullable LocalDateTime issuedAt,
            @Nullable Integer horizonHours,
            int lead,
            boolean historyUsed,
            Map<String, Number> features) {}

    /** @param modelName the registry model that answered: a family's for its stations */
    record Forecast(
            String seriesId,
            LocalDateTime issuedAt,
            int hours,
            @Nullable String modelName,
            long modelVersion,
            String servedBy,
            boolean historyUsed,
            List<Point> points) {

        public record Point(
                LocalDateTime hour,
                int horizonHours,
                int lead,
                long predictedCount,
                @Nullable Interval interval) {}
    }

    /** @param series how many series were forecast */
    record BulkForecast(String prefix, int hours, int series, List<Forecast> forecasts) {}

    record ForecastRequest(String seriesId, int hours, List<HourWeather> weather) {}

    /** One hour's weather in real units. */
    record HourWeather(
            double temperatureCelsius,
            double feelsLikeCelsius,
            double humidityPercent,
            double windSpeedKmh,
            int weatherSituation) {}

    record ActiveModels(@Nullable Model champion, @Nullable Challenger challenger) {

        public record Model(long version, String algorithm, TrainingApi.@Nullable Metrics metrics) {}

        public record Challenger(Model model, String mode, double share) {}
    }

    record SeriesHistory(
            String seriesId, boolean rebuilt, @Nullable LocalDateTime latestHour) {}
}
