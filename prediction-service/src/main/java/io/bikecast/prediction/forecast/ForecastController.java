package io.bikecast.prediction.forecast;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.prediction.history.RecentDemand;
import io.bikecast.prediction.predict.PredictionEndpoint;
import io.bikecast.prediction.predictor.PredictionInput;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.request.LocalHours;
import io.bikecast.prediction.serving.ServingModels;
import io.bikecast.prediction.weather.WeatherForecasts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A series' next hours after the issue time, each by the model of its horizon. The issue time defaults to the series'
 * latest actual; a series without any is forecast from the current hour on, without history.
 */
@RestController
@PredictionEndpoint
@Tag(name = "forecasts", description = "The next hours of a series, from one model version")
class ForecastController {

    private final Predictor predictor;
    private final RecentDemand demand;
    private final WeatherForecasts weatherForecasts;
    private final Clock clock;

    ForecastController(Predictor predictor, RecentDemand demand, WeatherForecasts weatherForecasts, Clock clock) {
        this.predictor = predictor;
        this.demand = demand;
        this.weatherForecasts = weatherForecasts;
        this.clock = clock;
    }

    @PostMapping("/api/v1/forecast")
    @Operation(summary = "Forecast the next hours of a series from the weather of each hour")
    ForecastResponse forecast(
            @Valid @RequestBody ForecastRequest request, @Parameter(hidden = true) ServingModels models) {
        ServingModels serving = predictor.requireChampion(models);
        SeriesId series = request.series();
        LocalDateTime issuedAt = request.issuedAt() == null
                ? defaultIssueTime(series)
                : LocalHours.parse(request.issuedAt()).orElseThrow();
        List<NaturalConditions> weather = new ArrayList<>(request.weather().size());
        for (int h = 0; h < request.weather().size(); h++) {
            weather.add(request.weather().get(h).at(issuedAt.plusHours(h + 1L)));
        }
        return answer(serving, series, issuedAt, weather);
    }

    @GetMapping("/api/v1/forecast")
    @Operation(
            summary = "Forecast the next hours of a series from the stored weather forecast",
            description = "Reads the weather forecast the ingest service stores for the series' weather location"
                    + " (bikecast.ingest.weather; the location of the series' own id unless"
                    + " bikecast.prediction.weather.locations names another), as it stood when the issue hour ended."
                    + " 409 no-weather-forecast when none covers the hours (POST the weather instead), 503 when the"
                    + " ingest service cannot be asked.")
    ForecastResponse storedWeatherForecast(
            @RequestParam(defaultValue = "system") String series,
            @RequestParam(defaultValue = "24") int hours,
            @Parameter(hidden = true) ServingModels models) {
        ServingModels serving = predictor.requireChampion(models);
        SeriesId seriesId = seriesParameter(series);
        LocalDateTime issuedAt = defaultIssueTime(seriesId);
        return answer(serving, seriesId, issuedAt, weatherForecasts.hoursAfter(seriesId, issuedAt, hours));
    }

    private ForecastResponse answer(
            ServingModels serving, SeriesId series, LocalDateTime issuedAt, List<NaturalConditions> weather) {
        List<PredictionInput> inputs = new ArrayList<>(weather.size());
        for (NaturalConditions conditions : weather) {
            inputs.add(new PredictionInput(
                    FeatureEngineering.fromNatural(conditions), series, conditions.localHour(), null, issuedAt, true));
        }
        return ForecastResponse.of(series.value(), issuedAt, predictor.forecast(serving, inputs));
    }

    private static SeriesId seriesParameter(String series) {
        try {
            return SeriesId.of(series);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "The query has invalid parameters.",
                    List.of(new InvalidField("series", "must match " + SeriesId.REGEX, series)));
        }
    }

    /** The series' latest actual; for a series without any, the current local hour, so the next hour comes first. */
    private LocalDateTime defaultIssueTime(SeriesId series) {
        return demand.latestHour(series).orElseGet(() -> NaturalConditions.localHourOf(clock.instant()));
    }
}
