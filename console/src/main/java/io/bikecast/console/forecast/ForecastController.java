package io.bikecast.console.forecast;

import io.bikecast.console.services.IngestApi;
import io.bikecast.console.services.IngestApi.Export;
import io.bikecast.console.services.IngestApi.SeriesRange;
import io.bikecast.console.services.PredictionApi;
import io.bikecast.console.services.PredictionApi.Forecast;
import io.bikecast.console.services.RecentHours;
import io.bikecast.console.services.Reply;
import io.bikecast.console.web.Svg;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A series' next 24 hours with the 80% interval. From the stored weather forecast when ingest has one; without it the
 * page says so, and forecasts from the weather of the last 24 observed hours instead, labelled as such.
 */
@Controller
class ForecastController {

    static final int HOURS = 24;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd HH:mm", Locale.ROOT);

    private final PredictionApi prediction;
    private final IngestApi ingest;

    ForecastController(PredictionApi prediction, IngestApi ingest) {
        this.prediction = prediction;
        this.ingest = ingest;
    }

    /**
     * What was forecast, and how.
     *
     * @param storedWeather true if from the stored weather forecast, false if from the repeated observed weather
     */
    record Shown(Forecast forecast, boolean storedWeather, String chart) {}

    @GetMapping("/forecast")
    String forecast(@RequestParam(defaultValue = "system") String series, Model model) {
        Reply<List<SeriesRange>> allSeries = Reply.of(IngestApi.NAME, ingest::series);
        Optional<SeriesRange> range = allSeries.optional().orElse(List.of()).stream()
                .filter(candidate -> candidate.seriesId().equals(series))
                .findFirst();
        Reply<Export> recent = range.<Reply<Export>>map(r -> Reply.of(
                        IngestApi.NAME,
                        () -> ingest.export(
                                series, r.lastHour().minusHours(HOURS - 1).toString())))
                .orElseGet(() -> allSeries.ok()
                        ? new Reply<>(null, Reply.Outcome.ABSENT, 404, "Ingest has no hours of series " + series + ".")
                        : allSeries.<Export>failed());
        RecentHours actuals = recent.optional().map(RecentHours::of).orElse(RecentHours.NONE);

        Reply<Forecast> stored = Reply.of(PredictionApi.NAME, () -> prediction.storedWeatherForecast(series, HOURS));
        Reply<Forecast> shown = stored;
        boolean storedWeather = true;
        if (stored.status() == 409 && !actuals.weather().isEmpty()) {
            storedWeather = false;
            shown = Reply.of(
                    PredictionApi.NAME,
                    () -> prediction.forecast(new PredictionApi.ForecastRequest(
                            series, actuals.weather().size(), actuals.weather())));
        }
        model.addAttribute("page", "forecast");
        model.addAttribute("series", series);
        model.addAttribute("allSeries", allSeries);
        model.addAttribute("stored", stored);
        model.addAttribute("noStoredWeather", stored.status() == 409);
        model.addAttribute("recent", recent);
        boolean fromStored = storedWeather;
        model.addAttribute(
                "shown", shown.map(forecast -> new Shown(forecast, fromStored, chart(series, actuals, forecast))));
        return "console/forecast";
    }

    /** The last actuals, then the forecast with its interval band. */
    static String chart(String series, RecentHours actuals, Forecast forecast) {
        List<String> labels = new ArrayList<>();
        List<@Nullable Double> actual = new ArrayList<>();
        List<@Nullable Double> predicted = new ArrayList<>();
        List<@Nullable Double> low = new ArrayList<>();
        List<@Nullable Double> high = new ArrayList<>();
        for (int i = 0; i < actuals.hours().size(); i++) {
            labels.add(LABEL.format(actuals.hours().get(i)));
            actual.add(actuals.counts().get(i));
            predicted.add(null);
            low.add(null);
            high.add(null);
        }
        for (Forecast.Point point : forecast.points()) {
            labels.add(LABEL.format(point.hour()));
            actual.add(null);
            predicted.add((double) point.predictedCount());
            low.add(
                    point.interval() == null
                            ? null
                            : Math.max(0, point.interval().p10()));
            high.add(point.interval() == null ? null : point.interval().p90());
        }
        return Svg.lineChart(
                "Rentals per hour of " + series + ": the last actuals, then the forecast of v"
                        + forecast.modelVersion(),
                labels,
                List.of(
                        new Svg.Line("actual", "actual", actual, false),
                        new Svg.Line("forecast", "forecast", predicted, true)),
                new Svg.Band("80% interval", low, high));
    }
}
