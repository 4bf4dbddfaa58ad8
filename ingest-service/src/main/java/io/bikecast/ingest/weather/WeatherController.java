package io.bikecast.ingest.weather;

import io.bikecast.ingest.weather.WeatherProperties.Location;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored weather of each configured location: the forecast as it stood at any moment, the observed hours, the
 * polls, and a backfill from Open-Meteo's archive. The prediction and training services read weather only here.
 */
@RestController
@RequestMapping("/api/v1/weather")
class WeatherController {

    /** The most hours one read returns: 31 days. */
    static final int MAX_HOURS = 31 * 24;

    private final WeatherProperties properties;
    private final WeatherStore store;
    private final WeatherPoller poller;

    WeatherController(WeatherProperties properties, WeatherStore store, WeatherPoller poller) {
        this.properties = properties;
        this.store = store;
        this.poller = poller;
    }

    /** A forecast as it stood at {@code asOf}: the one issued last before it. */
    record ForecastView(String location, Instant asOf, Instant issuedAt, List<WeatherHour> hours) {}

    record ObservedView(String location, Instant from, Instant to, List<WeatherHour> hours) {}

    /**
     * A backfill of observed hours from the archive.
     *
     * @param from the first day (UTC)
     * @param to the last day (UTC), included
     */
    record BackfillRequest(
            @Nullable LocalDate from, @Nullable LocalDate to) {}

    @Operation(summary = "The configured weather locations")
    @GetMapping("/locations")
    List<Location> locations() {
        return properties.locations();
    }

    @Operation(
            summary = "The forecast of a location as it stood at 'asOf' (default now, by the location's clock): the one"
                    + " issued last at or before it, from asOf's hour on, at most 'hours' hours",
            description = "A backtest asks with the issue time of each forecast it replays, and so sees only the"
                    + " weather that was forecast then. 404 when no forecast had been stored by then.")
    @GetMapping("/{location}/forecast")
    ForecastView forecast(
            @PathVariable String location,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant asOf,
            @RequestParam(defaultValue = "24") int hours) {
        Location known = location(location);
        if (hours < 1 || hours > MAX_HOURS) {
            throw ProblemException.badRequest(
                    "hours is out of range.",
                    List.of(new InvalidField("hours", "must be from 1 to " + MAX_HOURS, hours)));
        }
        Instant wallNow = Instant.now();
        Instant at = asOf != null ? asOf : poller.now(known, wallNow).orElse(wallNow);
        return store.forecastAsOf(known.id(), at, hours)
                .map(forecast -> new ForecastView(known.id(), at, forecast.issuedAt(), forecast.hours()))
                .orElseThrow(() -> ProblemException.notFound(
                        "No weather forecast of location " + known.id() + " had been stored by " + at + "."));
    }

    @Operation(
            summary = "The observed hours of a location from 'from' (inclusive) to 'to' (exclusive), at most 31 days")
    @GetMapping("/{location}/observed")
    ObservedView observed(
            @PathVariable String location,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Location known = location(location);
        if (!from.isBefore(to) || Duration.between(from, to).toHours() > MAX_HOURS) {
            throw ProblemException.badRequest(
                    "The range is empty or longer than 31 days.",
                    List.of(new InvalidField("to", "must be after from, by at most 31 days", to)));
        }
        return new ObservedView(known.id(), from, to, store.observed(known.id(), from, to));
    }

    @Operation(summary = "The latest polls and backfills of a location, newest first")
    @GetMapping("/{location}/polls")
    List<WeatherStore.Poll> polls(@PathVariable String location, @RequestParam(defaultValue = "20") int limit) {
        Location known = location(location);
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest(
                    "limit is out of range.", List.of(new InvalidField("limit", "must be from 1 to 1000", limit)));
        }
        return store.polls(known.id(), limit);
    }

    @Operation(
            summary = "Store a location's observed hours of the days 'from' to 'to' (UTC, both included) from"
                    + " Open-Meteo's archive",
            description = "For the history before the first poll. The archive lags real time by about five days."
                    + " 502 with the reason when the archive cannot be read.")
    @PostMapping("/{location}/backfill")
    WeatherStore.Poll backfill(@PathVariable String location, @RequestBody BackfillRequest request) {
        Location known = location(location);
        List<InvalidField> errors = new ArrayList<>();
        if (request.from() == null) {
            errors.add(InvalidField.of("from", "required"));
        }
        if (request.to() == null) {
            errors.add(InvalidField.of("to", "required"));
        }
        if (request.from() != null && request.to() != null) {
            long days = ChronoUnit.DAYS.between(request.from(), request.to()) + 1;
            if (days < 1 || days > properties.maxBackfillDays()) {
                errors.add(new InvalidField(
                        "to",
                        "must be on or after from, by at most " + properties.maxBackfillDays()
                                + " days (bikecast.ingest.weather.max-backfill-days)",
                        request.to()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The backfill request has invalid fields.", errors);
        }
        WeatherStore.Poll poll = poller.backfill(known, request.from(), request.to(), Instant.now());
        if (!poll.outcome().equals("stored")) {
            throw new ProblemException(
                    HttpStatus.BAD_GATEWAY,
                    "Weather archive unavailable",
                    "The backfill of " + known.id() + " stored nothing: " + poll.reason());
        }
        return poll;
    }

    private Location location(String id) {
        return properties.locations().stream()
                .filter(location -> location.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No weather location " + id
                        + " is configured (bikecast.ingest.weather.locations): see GET /api/v1/weather/locations."));
    }
}
