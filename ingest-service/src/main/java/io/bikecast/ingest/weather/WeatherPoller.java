package io.bikecast.ingest.weather;

import io.bikecast.ingest.input.RefusedRead;
import io.bikecast.ingest.weather.WeatherConfiguration.OpenMeteo;
import io.bikecast.ingest.weather.WeatherProperties.Location;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Polls each location's forecast when it is due and stores it: the hours before the poll's hour as observed, the rest
 * as the forecast issued at the poll's time, and the poll itself with what it stored or why it failed, in one
 * transaction. A failed poll is retried sooner than the next regular one (doubling waits from {@code retry-interval}),
 * and the first poll that succeeds asks for every hour since the last stored one, so an outage of Open-Meteo or of
 * this service loses no observed hour. Forecasts that were never fetched cannot be had later: while none is fetched,
 * the last one stored stays the current one, as it was.
 *
 * <p>Each location follows its own clock ({@link WeatherProperties.Clock}): the wall clock, or the data clock of a
 * GBFS system, whose "now" is its newest snapshot's {@code last_updated}. On a feed clock a poll is due every
 * {@code poll-interval} of data time, asks Open-Meteo for the hours around that time by {@code start_hour} and
 * {@code end_hour} (instead of {@code past_hours} and {@code forecast_hours}, which count from today), and stores
 * what it gets under that time, so a replay of past days has the forecasts "issued" as it goes.
 */
@Component
class WeatherPoller {

    private static final Logger log = LoggerFactory.getLogger(WeatherPoller.class);

    private final WeatherProperties properties;
    private final OpenMeteo openMeteo;
    private final WeatherStore store;
    private final FeedClock feedClock;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();

    WeatherPoller(
            WeatherProperties properties,
            OpenMeteo openMeteo,
            WeatherStore store,
            FeedClock feedClock,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.properties = properties;
        this.openMeteo = openMeteo;
        this.store = store;
        this.feedClock = feedClock;
        this.transactions = transactions;
        this.meters = meters;
        properties.locations().forEach(location -> schedules.put(location.id(), new Schedule(location.id())));
    }

    /**
     * Polls every location whose poll is due by its clock; returns the polls made.
     *
     * @param wallNow the wall clock's time, the "now" of locations on the wall clock
     */
    List<WeatherStore.Poll> pollDue(Instant wallNow) {
        return properties.locations().stream()
                .flatMap(location -> now(location, wallNow).flatMap(now -> pollIfDue(location.id(), now)).stream())
                .toList();
    }

    /**
     * The location's "now": {@code wallNow} on the wall clock; on a feed clock the newest snapshot's
     * {@code last_updated} of its system, empty before the first.
     */
    Optional<Instant> now(Location location, Instant wallNow) {
        return location.clock() == WeatherProperties.Clock.FEED
                ? feedClock.now(location.clockSystem())
                : Optional.of(wallNow);
    }

    /** Polls one location if its poll is due at {@code now}, a time of the location's clock. */
    synchronized Optional<WeatherStore.Poll> pollIfDue(String locationId, Instant now) {
        Schedule schedule = schedules.get(locationId);
        // A clock that went back (a replay started again on the same database) makes the location due at once.
        if (schedule == null || (now.isBefore(schedule.nextDue) && !now.isBefore(schedule.lastPoll))) {
            return Optional.empty();
        }
        Location location = properties.locations().stream()
                .filter(l -> l.id().equals(locationId))
                .findFirst()
                .orElseThrow();
        return Optional.of(poll(location, schedule, now));
    }

    /**
     * Reads the archive's hours of the days {@code from} to {@code to} (both included, UTC) and stores them as
     * observed.
     */
    WeatherStore.Poll backfill(Location location, LocalDate from, LocalDate to, Instant now) {
        return fetch(
                location.id(),
                "archive",
                now,
                () -> openMeteo
                        .archive()
                        .archive(
                                location.latitude(),
                                location.longitude(),
                                from.toString(),
                                to.toString(),
                                OpenMeteoApi.VARIABLES,
                                "kmh",
                                "GMT"));
    }

    private WeatherStore.Poll poll(Location location, Schedule schedule, Instant now) {
        int pastHours = pastHours(location.id(), now);
        Supplier<OpenMeteoAnswer> call;
        if (location.clock() == WeatherProperties.Clock.FEED) {
            // Local times of the GMT zone asked for: the hours of the location's clock, both ends included.
            LocalDateTime hour = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
            String start = hour.minusHours(pastHours).toString();
            String end = hour.plusHours(properties.forecastHours() - 1L).toString();
            call = () -> openMeteo
                    .forecast()
                    .forecastBetween(
                            location.latitude(),
                            location.longitude(),
                            start,
                            end,
                            OpenMeteoApi.VARIABLES,
                            "kmh",
                            "GMT");
        } else {
            call = () -> openMeteo
                    .forecast()
                    .forecast(
                            location.latitude(),
                            location.longitude(),
                            pastHours,
                            properties.forecastHours(),
                            OpenMeteoApi.VARIABLES,
                            "kmh",
                            "GMT");
        }
        WeatherStore.Poll poll = fetch(location.id(), "forecast", now, call);
        schedule.after(poll, now);
        return poll;
    }

    /** Hours since the last stored poll, so that the hours of an outage are asked for again; at least the default. */
    private int pastHours(String location, Instant now) {
        return store.lastStoredPoll(location)
                .map(last -> ChronoUnit.HOURS.between(last.truncatedTo(ChronoUnit.HOURS), now) + 1)
                .map(hours -> (int) Math.min(Math.max(hours, properties.pastHours()), WeatherProperties.MAX_PAST_HOURS))
                .orElse(properties.pastHours());
    }

    private WeatherStore.Poll fetch(String location, String kind, Instant now, Supplier<OpenMeteoAnswer> call) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        WeatherStore.Poll poll;
        try {
            OpenMeteoAnswer.Hours answer = call.get().hours();
            List<WeatherHour> observed = new ArrayList<>();
            List<WeatherHour> forecast = new ArrayList<>();
            for (WeatherHour hour : answer.hours()) {
                (kind.equals("forecast") && !hour.hour().isBefore(currentHour) ? forecast : observed).add(hour);
            }
            poll = new WeatherStore.Poll(
                    kind,
                    issuedAt,
                    "stored",
                    observed.size(),
                    forecast.size(),
                    answer.rejected().size(),
                    answer.rejected().isEmpty() ? null : summary(answer.rejected()));
            WeatherStore.Poll stored = poll;
            transactions.executeWithoutResult(status -> {
                store.saveObserved(location, observed, kind, issuedAt);
                if (!forecast.isEmpty()) {
                    store.saveForecast(location, issuedAt, forecast);
                }
                store.savePoll(location, stored);
            });
            if (!answer.rejected().isEmpty()) {
                log.warn(
                        "Weather {} of {}: {} hours left out: {}",
                        kind,
                        location,
                        answer.rejected().size(),
                        poll.reason());
            }
        } catch (UnusableAnswerException | RestClientException e) {
            poll = new WeatherStore.Poll(kind, issuedAt, "failed", 0, 0, 0, reason(e));
            store.savePoll(location, poll);
            log.warn("Weather {} of {} failed: {}", kind, location, poll.reason());
        }
        Counter.builder("bikecast.ingest.weather.polls")
                .description("Weather polls and backfills by location, kind and outcome")
                .tags("location", location, "kind", kind, "outcome", poll.outcome())
                .register(meters)
                .increment();
        return poll;
    }

    private static String summary(List<String> rejected) {
        String first = String.join("; ", rejected.subList(0, Math.min(3, rejected.size())));
        return rejected.size() > 3 ? first + "; and " + (rejected.size() - 3) + " more" : first;
    }

    /** Why a call failed, in words; never the answer's body, which could be anything. */
    static String reason(RuntimeException e) {
        if (e instanceof UnusableAnswerException unusable) {
            return "the answer is unusable: " + unusable.getMessage();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedRead refused) {
                return "the answer is unusable: " + refused.refusal().getMessage();
            }
        }
        if (e instanceof HttpStatusCodeException status) {
            return "Open-Meteo answered " + status.getStatusCode().value();
        }
        if (e instanceof ResourceAccessException) {
            return "Open-Meteo could not be reached or did not answer in time: " + rootMessage(e);
        }
        return "the answer is not Open-Meteo's hourly JSON: " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /** When a location is polled next, and how many polls in a row have failed. */
    private final class Schedule {

        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicLong lastSuccess = new AtomicLong();
        private volatile Instant nextDue = Instant.MIN;
        private volatile Instant lastPoll = Instant.MIN;

        Schedule(String location) {
            Gauge.builder("bikecast.ingest.weather.consecutive.failures", failures, AtomicInteger::get)
                    .description("Failed weather polls in a row, by location")
                    .tag("location", location)
                    .register(meters);
            Gauge.builder("bikecast.ingest.weather.last.success", lastSuccess, AtomicLong::get)
                    .description("When the location's last weather poll stored something, in epoch seconds")
                    .tag("location", location)
                    .baseUnit("seconds")
                    .register(meters);
        }

        void after(WeatherStore.Poll poll, Instant now) {
            lastPoll = now;
            if (poll.outcome().equals("stored")) {
                failures.set(0);
                lastSuccess.set(now.getEpochSecond());
                nextDue = now.plus(properties.pollInterval());
                return;
            }
            int failed = failures.incrementAndGet();
            Duration wait = properties.retryInterval().multipliedBy(1L << Math.min(failed - 1, 20));
            nextDue = now.plus(wait.compareTo(properties.pollInterval()) < 0 ? wait : properties.pollInterval());
        }
    }
}
