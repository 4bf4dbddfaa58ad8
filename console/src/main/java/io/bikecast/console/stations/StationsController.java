package io.bikecast.console.stations;

import io.bikecast.console.services.GbfsApi;
import io.bikecast.console.services.GbfsApi.GbfsSystem;
import io.bikecast.console.services.GbfsApi.Station;
import io.bikecast.console.services.IngestApi;
import io.bikecast.console.services.IngestApi.SeriesRange;
import io.bikecast.console.services.MonitoringApi;
import io.bikecast.console.services.MonitoringApi.SeriesError;
import io.bikecast.console.services.MonitoringApi.SeriesLiveError;
import io.bikecast.console.services.PredictionApi;
import io.bikecast.console.services.PredictionApi.BulkForecast;
import io.bikecast.console.services.PredictionApi.Forecast;
import io.bikecast.console.services.PredictionApi.ForecastRequest;
import io.bikecast.console.services.RecentHours;
import io.bikecast.console.services.Reply;
import io.bikecast.console.services.TrainingApi;
import io.bikecast.console.services.TrainingApi.Family;
import io.bikecast.console.stations.StationRow.Column;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every station of a GBFS system on one page: a table sortable by each column, and a map of the stations. The
 * stations come from ingest, their forecasts from the prediction service (every station at once, by the system's
 * model family), their live error from monitoring. Without a stored weather forecast the page says so and forecasts
 * from the weather of the last observed day instead, labelled as such.
 */
@Controller
class StationsController {

    static final int HOURS = 24;
    private static final int PAGE_SIZE = 1000;
    /** Ingest pages its stations; no system has more than this many pages of them. */
    private static final int MAX_PAGES = 50;

    private final GbfsApi gbfs;
    private final IngestApi ingest;
    private final TrainingApi training;
    private final PredictionApi prediction;
    private final MonitoringApi monitoring;

    StationsController(
            GbfsApi gbfs, IngestApi ingest, TrainingApi training, PredictionApi prediction, MonitoringApi monitoring) {
        this.gbfs = gbfs;
        this.ingest = ingest;
        this.training = training;
        this.prediction = prediction;
        this.monitoring = monitoring;
    }

    /**
     * The forecasts shown, and how they were made.
     *
     * @param stored the answer from the stored weather forecast
     * @param shown the forecasts shown: {@code stored}, or without a stored weather forecast those from the weather of
     *     the last observed day
     * @param weatherOf without a stored weather forecast, the hours whose observed weather was repeated (empty else)
     */
    record Forecasts(Reply<BulkForecast> stored, Reply<BulkForecast> shown, List<LocalDateTime> weatherOf) {

        public boolean noStoredWeather() {
            return stored.status() == 409;
        }

        /** The first forecast: its issue time and model stand for all of them. */
        public Optional<Forecast> first() {
            return shown.optional().flatMap(bulk -> bulk.forecasts().stream().findFirst());
        }
    }

    /** A column heading: what a click on it sorts by, and whether the table is sorted by it now. */
    record Heading(String label, String sort, @Nullable String ariaSort, String arrow) {}

    @GetMapping("/stations")
    String stations(
            @RequestParam(required = false) @Nullable String system,
            @RequestParam(defaultValue = "name") String sort,
            Model model) {
        boolean descending = sort.startsWith("-");
        Column column = Column.of(descending ? sort.substring(1) : sort);
        Reply<List<GbfsSystem>> listed = Reply.of(GbfsApi.NAME, gbfs::systems);
        Reply<List<Family>> families = Reply.of(TrainingApi.NAME, training::families);
        Reply<List<SeriesRange>> allSeries = Reply.of(IngestApi.NAME, ingest::series);
        List<String> systems = listed.ok()
                ? listed.value().stream().map(GbfsSystem::id).toList()
                : guessedSystems(families, allSeries);
        String chosen = system != null && !system.isBlank() ? system : systems.isEmpty() ? null : systems.getFirst();
        model.addAttribute("page", "stations");
        model.addAttribute("systems", systems);
        model.addAttribute("listed", listed);
        model.addAttribute("system", chosen);
        model.addAttribute("sort", sort);
        model.addAttribute("families", families);
        model.addAttribute("allSeries", allSeries);
        if (chosen == null) {
            return "console/stations";
        }
        GbfsSystem facts = listed.optional().orElse(List.of()).stream()
                .filter(candidate -> candidate.id().equals(chosen))
                .findFirst()
                .orElse(null);
        model.addAttribute("facts", facts);
        String prefix = facts != null ? facts.seriesPrefix() : chosen + "-";
        Reply<List<Station>> stations = Reply.of(GbfsApi.NAME, () -> allStations(chosen));
        Optional<Family> family = families.optional().orElse(List.of()).stream()
                .filter(candidate -> candidate.series().equals(prefix + "*"))
                .findFirst();
        // Training says no family learns these stations: the system's model would forecast each at the whole
        // system's scale, so none is asked for. Training down: prediction's answer names the model it served.
        boolean forecastable = stations.ok() && !stations.value().isEmpty() && (!families.ok() || family.isPresent());
        Forecasts forecasts = forecastable ? forecasts(prefix, allSeries) : null;
        String modelName = family.map(Family::modelName)
                .or(() ->
                        Optional.ofNullable(forecasts).flatMap(Forecasts::first).map(Forecast::modelName))
                .orElse(null);
        Reply<SeriesLiveError> liveError =
                modelName == null ? null : liveError(modelName, latestHour(prefix, allSeries));

        Map<String, Forecast> bySeries = forecasts == null
                ? Map.of()
                : forecasts.shown().optional().map(BulkForecast::forecasts).orElse(List.of()).stream()
                        .collect(Collectors.toMap(Forecast::seriesId, Function.identity(), (a, b) -> a));
        Map<String, SeriesError> errors = liveError == null
                ? Map.of()
                : liveError.optional().map(SeriesLiveError::series).orElse(List.of()).stream()
                        .collect(Collectors.toMap(SeriesError::seriesId, Function.identity(), (a, b) -> a));
        List<StationRow> rows = stations.optional().orElse(List.of()).stream()
                .map(station ->
                        StationRow.of(station, bySeries.get(station.seriesId()), errors.get(station.seriesId())))
                .sorted(column.order(descending))
                .toList();

        model.addAttribute("prefix", prefix);
        model.addAttribute("stations", stations);
        model.addAttribute("family", family.orElse(null));
        model.addAttribute("forecasts", forecasts);
        model.addAttribute("liveError", liveError);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "unplaced",
                rows.stream()
                        .filter(row ->
                                row.station().lat() == null || row.station().lon() == null)
                        .count());
        model.addAttribute("headings", headings(column, descending));
        model.addAttribute("map", StationMap.draw("The stations of " + chosen + " by their position", rows));
        return "console/stations";
    }

    /**
     * Without ingest's list of its systems (an ingest older than {@code GET /api/v1/gbfs/systems} answers 404), a
     * guess: the systems a model family learns ({@code sim-*}), then the prefixes of ingest's series ids ({@code
     * sim-12}). A prefix that is no system says so when chosen.
     */
    static List<String> guessedSystems(Reply<List<Family>> families, Reply<List<SeriesRange>> allSeries) {
        TreeSet<String> familySystems = new TreeSet<>();
        for (Family family : families.optional().orElse(List.of())) {
            if (family.series().endsWith("-*")) {
                familySystems.add(family.series().substring(0, family.series().length() - 2));
            }
        }
        TreeSet<String> others = new TreeSet<>();
        for (SeriesRange range : allSeries.optional().orElse(List.of())) {
            int dash = range.seriesId().indexOf('-');
            if (dash > 0) {
                others.add(range.seriesId().substring(0, dash));
            }
        }
        others.removeAll(familySystems);
        List<String> systems = new ArrayList<>(familySystems);
        systems.addAll(others);
        return systems;
    }

    /** The latest hour ingest has an actual for, of any station of the system. */
    private static Optional<LocalDateTime> latestHour(String prefix, Reply<List<SeriesRange>> allSeries) {
        return allSeries.optional().orElse(List.of()).stream()
                .filter(range -> range.seriesId().startsWith(prefix))
                .map(SeriesRange::lastHour)
                .max(Comparator.naturalOrder());
    }

    /**
     * The family champion's live error per station over the system's last {@value #HOURS} hours: those up to its
     * stations' latest actual, not monitoring's data clock, which is the latest hour of any series. A system replayed
     * beside another, or whose feed is behind the rest, would otherwise show no live error at all. Without a station
     * hour in ingest, monitoring's own window.
     */
    private Reply<SeriesLiveError> liveError(String modelName, Optional<LocalDateTime> latest) {
        return Reply.of(
                MonitoringApi.NAME,
                () -> latest.map(to -> monitoring.liveErrorBySeries(
                                modelName, to.minusHours(HOURS).toString(), to.toString()))
                        .orElseGet(() -> monitoring.liveErrorBySeries(modelName)));
    }

    private List<Station> allStations(String system) {
        List<Station> stations = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            GbfsApi.Page<Station> answer = gbfs.stations(system, page, PAGE_SIZE);
            stations.addAll(answer.items());
            if (!answer.hasNext()) {
                break;
            }
        }
        return stations;
    }

    /**
     * Every station's next 24 hours from the stored weather forecast; without one (409), from the weather of the
     * last 24 observed hours of the station observed last, repeated: the stations of a system share its weather.
     */
    private Forecasts forecasts(String prefix, Reply<List<SeriesRange>> allSeries) {
        Reply<BulkForecast> stored =
                Reply.of(PredictionApi.NAME, () -> prediction.storedWeatherForecasts(prefix, HOURS));
        if (stored.status() != 409) {
            return new Forecasts(stored, stored, List.of());
        }
        Optional<SeriesRange> latest = allSeries.optional().orElse(List.of()).stream()
                .filter(range -> range.seriesId().startsWith(prefix))
                .max(Comparator.comparing(SeriesRange::lastHour));
        if (latest.isEmpty()) {
            return new Forecasts(stored, stored, List.of());
        }
        SeriesRange range = latest.get();
        RecentHours recent = Reply.of(
                        IngestApi.NAME,
                        () -> ingest.export(
                                range.seriesId(),
                                range.lastHour().minusHours(HOURS - 1).toString()))
                .optional()
                .map(RecentHours::of)
                .orElse(RecentHours.NONE);
        if (recent.weather().isEmpty()) {
            return new Forecasts(stored, stored, List.of());
        }
        Reply<BulkForecast> repeated = Reply.of(
                PredictionApi.NAME,
                () -> prediction.forecasts(
                        prefix,
                        new ForecastRequest(range.seriesId(), recent.weather().size(), recent.weather())));
        return new Forecasts(stored, repeated, recent.hours());
    }

    private static List<Heading> headings(Column sorted, boolean descending) {
        List<Heading> headings = new ArrayList<>();
        for (Column column : Column.values()) {
            boolean current = column == sorted;
            boolean nextDescending = current ? !descending : column.descendingFirst;
            headings.add(new Heading(
                    switch (column) {
                        case NAME -> "station";
                        case CAPACITY -> "docks";
                        case NEXT -> "next hour";
                        case DAY -> "next 24 hours";
                        case RMSE -> "live RMSE";
                    },
                    (nextDescending ? "-" : "") + column.key,
                    current ? (descending ? "descending" : "ascending") : null,
                    current ? (descending ? "▼" : "▲") : ""));
        }
        return headings;
    }
}
