package io.bikecast.prediction.forecast;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.history.RecentDemand;
import io.bikecast.prediction.predict.PredictionEndpoint;
import io.bikecast.prediction.predictor.PredictionInput;
import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.predictor.Predictors;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final Predictors predictors;
    private final RecentDemand demand;
    private final WeatherForecasts weatherForecasts;
    private final PredictionProperties properties;
    private final Clock clock;

    ForecastController(
            Predictors predictors,
            RecentDemand demand,
            WeatherForecasts weatherForecasts,
            PredictionProperties properties,
            Clock clock) {
        this.predictors = predictors;
        this.demand = demand;
        this.weatherForecasts = weatherForecasts;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/forecast")
    @Operation(summary = "Forecast the next hours of a series from the weather of each hour")
    ForecastResponse forecast(
            @Valid @RequestBody ForecastRequest request, @Parameter(hidden = true) ServingModels models) {
        SeriesId series = request.series();
        Predictor predictor = predictors.forSeries(series);
        ServingModels serving = predictor.requireChampion(predictors.snapshot(predictor, models));
        LocalDateTime issuedAt = request.issuedAt() == null
                ? defaultIssueTime(series)
                : LocalHours.parse(request.issuedAt()).orElseThrow();
        List<NaturalConditions> weather = new ArrayList<>(request.weather().size());
        for (int h = 0; h < request.weather().size(); h++) {
            weather.add(request.weather().get(h).at(issuedAt.plusHours(h + 1L)));
        }
        return answer(predictor, serving, series, issuedAt, weather);
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
        SeriesId seriesId = seriesParameter(series);
        hoursParameter(hours);
        Predictor predictor = predictors.forSeries(seriesId);
        ServingModels serving = predictor.requireChampion(predictors.snapshot(predictor, models));
        LocalDateTime issuedAt = defaultIssueTime(seriesId);
        return answer(predictor, serving, seriesId, issuedAt, weatherForecasts.hoursAfter(seriesId, issuedAt, hours));
    }

    private ForecastResponse answer(
            Predictor predictor,
            ServingModels serving,
            SeriesId series,
            LocalDateTime issuedAt,
            List<NaturalConditions> weather) {
        List<PredictionInput> inputs = new ArrayList<>(weather.size());
        for (NaturalConditions conditions : weather) {
            inputs.add(new PredictionInput(
                    FeatureEngineering.fromNatural(conditions), series, conditions.localHour(), null, issuedAt, true));
        }
        return ForecastResponse.of(series.value(), issuedAt, predictor.forecast(serving, inputs));
    }

    @GetMapping("/api/v1/forecast/series")
    @Operation(
            summary =
                    "Forecast the next hours of every series whose id starts with a prefix: every station of a system",
            description = "As GET /api/v1/forecast for each series with recent demand whose id starts with `prefix`"
                    + " (`citibike-` for the stations of the GBFS system citibike), each issued at its own latest"
                    + " actual and answered by its family's model; the stored weather forecast is read once per"
                    + " location and issue hour. In series order.")
    BulkForecastResponse forecastEverySeries(
            @RequestParam String prefix,
            @RequestParam(defaultValue = "24") int hours,
            @Parameter(hidden = true) ServingModels models) {
        prefixParameter(prefix);
        hoursParameter(hours);
        Predictors.RequestSnapshots snapshots = predictors.snapshots(models);
        Map<String, List<NaturalConditions>> weather = new HashMap<>();
        List<SeriesForecast> forecasts = new ArrayList<>();
        for (SeriesId seriesId : demand.seriesStartingWith(prefix)) {
            Predictor predictor = predictors.forSeries(seriesId);
            LocalDateTime issuedAt = defaultIssueTime(seriesId);
            List<NaturalConditions> conditions = weather.computeIfAbsent(
                    weatherForecasts.locationOf(seriesId) + "@" + issuedAt,
                    key -> weatherForecasts.hoursAfter(seriesId, issuedAt, hours));
            forecasts.add(new SeriesForecast(predictor, snapshots.of(predictor), seriesId, issuedAt, conditions));
        }
        return new BulkForecastResponse(prefix, hours, forecasts.size(), answerAll(forecasts));
    }

    @PostMapping("/api/v1/forecast/series")
    @Operation(
            summary = "Forecast the next hours of every series whose id starts with a prefix, from the weather of each"
                    + " hour",
            description = "As POST /api/v1/forecast for each series with recent demand whose id starts with `prefix`,"
                    + " all issued at `issuedAt` (default: the latest actual of any of them) with the same weather:"
                    + " the stations of one system share its weather. `seriesId` is not read. In series order.")
    BulkForecastResponse forecastEverySeriesWithWeather(
            @RequestParam String prefix,
            @Valid @RequestBody ForecastRequest request,
            @Parameter(hidden = true) ServingModels models) {
        prefixParameter(prefix);
        List<SeriesId> everySeries = demand.seriesStartingWith(prefix);
        LocalDateTime issuedAt = request.issuedAt() == null
                ? everySeries.stream()
                        .map(demand::latestHour)
                        .flatMap(Optional::stream)
                        .max(LocalDateTime::compareTo)
                        .orElseGet(() -> NaturalConditions.localHourOf(clock.instant(), properties.zoneOf(prefix)))
                : LocalHours.parse(request.issuedAt()).orElseThrow();
        List<NaturalConditions> weather = new ArrayList<>(request.weather().size());
        for (int h = 0; h < request.weather().size(); h++) {
            weather.add(request.weather().get(h).at(issuedAt.plusHours(h + 1L)));
        }
        Predictors.RequestSnapshots snapshots = predictors.snapshots(models);
        List<SeriesForecast> forecasts = new ArrayList<>(everySeries.size());
        for (SeriesId seriesId : everySeries) {
            Predictor predictor = predictors.forSeries(seriesId);
            forecasts.add(new SeriesForecast(predictor, snapshots.of(predictor), seriesId, issuedAt, weather));
        }
        return new BulkForecastResponse(prefix, weather.size(), forecasts.size(), answerAll(forecasts));
    }

    /** One series' forecast of a bulk request, with everything it reads decided before any is made. */
    private record SeriesForecast(
            Predictor predictor,
            ServingModels serving,
            SeriesId series,
            LocalDateTime issuedAt,
            List<NaturalConditions> weather) {}

    /**
     * Makes the forecasts of a bulk request on the request's thread and the common fork-join pool, in series order.
     * Every station of a system is thousands of predictions (500 × 24 = 12,000), which one thread makes in about 150
     * ms; the series are independent, and their snapshots, issue times and weather are taken first and once, so
     * splitting them over the cores changes no answer and brings an otherwise idle machine's cores to one request that
     * needs them. A single forecast or prediction stays on its thread.
     */
    private List<ForecastResponse> answerAll(List<SeriesForecast> forecasts) {
        return forecasts.parallelStream()
                .map(f -> answer(f.predictor(), f.serving(), f.series(), f.issuedAt(), f.weather()))
                .toList();
    }

    /**
     * The forecasts of every series of a prefix.
     *
     * @param series how many series were forecast
     */
    record BulkForecastResponse(String prefix, int hours, int series, List<ForecastResponse> forecasts) {}

    private static void hoursParameter(int hours) {
        if (hours < 1 || hours > ForecastRequest.MAX_HOURS) {
            throw ProblemException.badRequest(
                    "The query has invalid parameters.",
                    List.of(new InvalidField("hours", "must be 1 to " + ForecastRequest.MAX_HOURS, hours)));
        }
    }

    private static void prefixParameter(String prefix) {
        if (!SeriesId.isPrefix(prefix)) {
            throw ProblemException.badRequest(
                    "The query has invalid parameters.",
                    List.of(new InvalidField(
                            "prefix", "must be the start of a series id (" + SeriesId.REGEX + ")", prefix)));
        }
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
        return demand.latestHour(series)
                .orElseGet(() -> NaturalConditions.localHourOf(clock.instant(), properties.zoneOf(series.value())));
    }
}
