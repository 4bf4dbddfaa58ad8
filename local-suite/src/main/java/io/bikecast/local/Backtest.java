package io.bikecast.local;

import io.bikecast.common.features.UciNormalization;
import io.bikecast.local.BacktestResult.Alert;
import io.bikecast.local.BacktestResult.Day;
import io.bikecast.local.BacktestResult.MonthScore;
import io.bikecast.local.BacktestResult.Promotion;
import io.bikecast.local.BacktestResult.Retrain;
import io.bikecast.local.BacktestResult.ServedHour;
import io.bikecast.local.BacktestResult.Timings;
import io.bikecast.local.BacktestResult.VersionChange;
import io.bikecast.local.UciHourCsv.UciHour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Replays a span of the UCI data through the whole suite as if it were live, on the data clock: the hours before
 * {@code from} are the history a first model is trained on; then every later hour, in order, is forecast with its own
 * weather (what a client would send), its actual count is ingested and announced, and the driver waits until
 * monitoring has judged that hour. When monitoring asks for retraining, time stands still until the training run has
 * finished and any new champion is served. At the end the bootstrap champion is scored on the same hours, so the
 * served forecast can be compared with never retraining.
 */
final class Backtest {

    static final ZoneId LOCAL_ZONE = ZoneId.of("America/New_York");

    private static final String INGEST = "ingest-service";
    private static final String TRAINING = "training-service";
    private static final String PREDICTION = "prediction-service";
    private static final String MONITORING = "monitoring-service";
    private static final Duration CLOCK_TIMEOUT = Duration.ofMinutes(5);

    private final BacktestSettings settings;
    private final ProgressLine progress;

    Backtest(BacktestSettings settings, ProgressLine progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Wipes the directory, starts a suite of its own on free ports, replays, and stops the suite. */
    BacktestResult run() {
        BacktestDirectory.prepare(settings.directory());
        try (RunningSuite suite = RunningSuite.start(suiteSettings(settings))) {
            return on(suite);
        }
    }

    /**
     * The suite a backtest runs on: shipped defaults, the data clock, the policy on or off, a database in the
     * backtest's directory, and free ports so that it never clashes with a running local suite.
     */
    static SuiteSettings suiteSettings(BacktestSettings settings) {
        // A backtest reads the services' APIs itself: it has no use for the console.
        List<ServiceDefinition> services = ServiceDefinition.usual().stream()
                .filter(service -> !service.name().equals("console"))
                .map(service -> service.onPort(freePort()))
                .toList();
        Map<String, Object> properties = new HashMap<>(settings.properties());
        properties.put("bikecast.clock.mode", "data");
        if (!settings.policyOn()) {
            properties.put("bikecast.monitoring.policy.enabled", false);
        }
        return new SuiteSettings(
                settings.directory().resolve("postgres"),
                freePort(),
                0,
                services,
                settings.apiKey(),
                Optional.empty(),
                properties);
    }

    /** Replays on a suite that is already running and holds no data yet (a test keeps it running afterwards). */
    BacktestResult on(RunningSuite suite) {
        long started = System.nanoTime();
        Instant backtestStarted = Instant.now();
        SuiteApi api = new SuiteApi(suite, settings.apiKey());
        UciHourCsv csv = UciHourCsv.read(settings.hourCsv());
        LocalDateTime from = settings.from().atStartOfDay();
        LocalDateTime to = settings.to().atStartOfDay();
        List<UciHour> history =
                csv.hours().stream().filter(row -> row.hour().isBefore(from)).toList();
        List<UciHour> fed = csv.hours().stream()
                .filter(row -> !row.hour().isBefore(from) && row.hour().isBefore(to))
                .toList();
        if (history.isEmpty() || fed.isEmpty()) {
            throw new IllegalArgumentException("the data at " + settings.hourCsv() + " has " + history.size()
                    + " hours before " + settings.from() + " and " + fed.size() + " from it up to " + settings.to()
                    + "; a backtest needs both: choose dates inside "
                    + csv.hours().getFirst().hour() + " .. "
                    + csv.hours().getLast().hour());
        }
        JsonNode bootstrapChampion = bootstrap(api, csv, history);
        long feedStarted = System.nanoTime();
        double bootstrapSeconds = (feedStarted - started) / 1e9;
        Feed feed = new Feed(api, bootstrapChampion.path("version").asLong(), csv.hours());
        for (UciHour row : fed) {
            feed.hour(row);
            if (feed.served.size() % 24 == 0 || feed.served.size() == fed.size()) {
                progress.show(
                        row.hour().toLocalDate(),
                        feed.served.size(),
                        fed.size(),
                        feed.errors.rmse(),
                        feed.servedVersion,
                        feed.retrains.size());
            }
        }
        progress.finish();
        double feedSeconds = (System.nanoTime() - feedStarted) / 1e9;
        double retrainSeconds =
                feed.retrains.stream().mapToDouble(Retrain::wallSeconds).sum();
        List<String> problems = new ArrayList<>();
        List<Alert> alerts = alerts(api, backtestStarted, feed);
        long bootstrapVersion = bootstrapChampion.path("version").asLong();
        Optional<JsonNode> staticScore = evaluate(api, bootstrapVersion, from, to, problems);
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        return new BacktestResult(
                settings.from(),
                settings.to(),
                settings.policy(),
                feed.served.size(),
                feed.errors.rmse(),
                feed.errors.mae(),
                feed.horizons.scores(),
                staticScore
                        .map(score -> nextHour(score).path("rmse").asDouble())
                        .orElse(null),
                staticScore.map(score -> nextHour(score).path("mae").asDouble()).orElse(null),
                staticScore.map(Backtest::byHorizon).orElseGet(TreeMap::new),
                byMonth(api, bootstrapVersion, feed.served, from, to, problems),
                List.copyOf(feed.retrains),
                List.copyOf(feed.promotions),
                List.copyOf(feed.versionChanges),
                alerts,
                daily(feed.served),
                bootstrapVersion,
                trainedThrough(bootstrapChampion).orElse(null),
                List.copyOf(feed.served),
                new Timings(
                        wallSeconds,
                        bootstrapSeconds,
                        feedSeconds,
                        retrainSeconds,
                        (feedSeconds - retrainSeconds) / feed.served.size()),
                List.copyOf(problems));
    }

    /** Stores the history without announcing it, trains on it, and waits until its champion is served. */
    private JsonNode bootstrap(SuiteApi api, UciHourCsv csv, List<UciHour> history) {
        progress.note("backtest: storing the " + history.size() + " hours before " + settings.from()
                + " as history and training the bootstrap champion ...");
        JsonNode batch = api.postCsv(INGEST, "/api/v1/ingest/csv?announceActuals=false", csv.csvOf(history), 201);
        if (batch.path("rowsRejected").asInt() > 0) {
            throw new IllegalStateException(
                    "the ingest service rejected " + batch.path("rowsRejected").asInt()
                            + " hours of the bootstrap history: " + batch.path("rejections"));
        }
        api.postJson(
                TRAINING,
                "/api/v1/training-runs",
                Map.of("reason", "backtest bootstrap: the hours before " + settings.from()),
                202);
        JsonNode champion = Polling.until(
                "the bootstrap champion",
                settings.stepTimeout(),
                () -> api.find(TRAINING, "/api/v1/models/champion"),
                "GET /api/v1/training-runs of the training service");
        long version = champion.path("version").asLong();
        awaitServed(api, version);
        progress.note("backtest: v" + version + " trained and served; feeding the hours from " + settings.from()
                + " to " + settings.to() + " one by one");
        return champion;
    }

    private void awaitServed(SuiteApi api, long version) {
        Polling.until(
                "the prediction service to serve v" + version,
                settings.stepTimeout(),
                () -> api.get(PREDICTION, "/api/v1/models/active"),
                active -> active.path("champion").path("version").asLong(-1) == version,
                "GET /api/v1/models/active of the prediction service and its log");
    }

    /** The loop over the fed hours, and what it saw. */
    private final class Feed {

        private final SuiteApi api;
        private final RetrainingFollower follower;
        private final List<ServedHour> served = new ArrayList<>();
        private final ErrorSums errors = new ErrorSums();
        private final HorizonScores horizons = new HorizonScores();
        private final Map<LocalDateTime, Integer> actuals = new HashMap<>();
        private final TreeMap<LocalDateTime, UciHour> weatherOf = new TreeMap<>();
        private final LocalDateTime lastDataHour;
        /** The latest hour whose actual was stored: the issue time of the next forecasts. */
        private LocalDateTime lastActual;

        private final List<Retrain> retrains = new ArrayList<>();
        private final List<Promotion> promotions = new ArrayList<>();
        private final List<VersionChange> versionChanges = new ArrayList<>();
        private final TreeMap<Instant, LocalDateTime> clockReached = new TreeMap<>();
        private final Instant feedingStarted = Instant.now();
        private final Map<Long, String> whyServed = new HashMap<>();
        private String lastRequest;
        private long servedVersion;
        private long champion;

        Feed(SuiteApi api, long bootstrapVersion, List<UciHour> data) {
            this.api = api;
            data.forEach(row -> {
                actuals.put(row.hour(), row.cnt());
                weatherOf.put(row.hour(), row);
            });
            this.lastDataHour = data.getLast().hour();
            this.follower = new RetrainingFollower(api, settings.stepTimeout());
            this.servedVersion = bootstrapVersion;
            this.champion = bootstrapVersion;
            this.lastRequest = requestId(clock()).orElse(null);
        }

        void hour(UciHour row) {
            if (lastActual == null) {
                lastActual = weatherOf.lowerKey(row.hour());
            }
            awaitServingActual(lastActual);
            forecastAhead(lastActual);
            JsonNode answer = api.postJson(PREDICTION, "/api/v1/predict", naturalRequest(row), 200);
            long version = answer.path("modelVersion").asLong();
            if (version != servedVersion) {
                versionChanges.add(new VersionChange(
                        row.hour(),
                        servedVersion,
                        version,
                        whyServed.getOrDefault(version, "served without a promotion the backtest saw")));
                servedVersion = version;
            }
            long predicted = answer.path("predictedCount").asLong();
            double raw = answer.path("rawPrediction")
                    .asDouble(answer.path("prediction").asDouble(predicted));
            served.add(new ServedHour(row.hour(), row.cnt(), predicted, raw, version));
            errors.add(predicted, row.cnt());

            JsonNode stored = api.postJson(INGEST, "/api/v1/ingest/observations", observation(row), 201);
            if (stored.path("rowsRejected").asInt() > 0) {
                throw new IllegalStateException(
                        "the ingest service rejected the actual of " + row.hour() + ": " + stored.path("rejections"));
            }
            lastActual = row.hour();
            JsonNode clock = Polling.until(
                    "monitoring's clock to reach " + row.hour(),
                    CLOCK_TIMEOUT,
                    this::clock,
                    now -> !localHour(now.path("now"))
                            .map(reached -> reached.isBefore(row.hour()))
                            .orElse(true),
                    "GET /api/v1/clock of the monitoring service and its log");
            clockReached.put(Instant.now(), row.hour());
            Optional<String> request = requestId(clock);
            if (request.isPresent() && !request.get().equals(lastRequest)) {
                lastRequest = request.get();
                followRetraining(row.hour(), clock.path("lastRetrainingRequest"));
            }
        }

        /**
         * Until the prediction service has the actual of {@code hour} in its recent demand: it learns actuals from
         * {@code actual-observed} events, after monitoring may already have. A user asking right after storing an
         * actual would get a forecast issued an hour earlier; the backtest scores what is served once it is known.
         */
        private void awaitServingActual(LocalDateTime hour) {
            Polling.until(
                    "the prediction service to have the actual of " + hour,
                    CLOCK_TIMEOUT,
                    () -> api.get(PREDICTION, "/api/v1/history/system"),
                    history -> history.path("rebuilt").asBoolean()
                            && localHour(history.path("latestHour"))
                                    .map(latest -> !latest.isBefore(hour))
                                    .orElse(false),
                    "GET /api/v1/history/system of the prediction service and its log");
        }

        /**
         * The next day's forecast, as a planner would ask for it right after the latest actual: issued at that hour, with
         * the weather of each hour ahead as the data set has it (a perfect weather forecast, the backtest's one
         * optimistic assumption), scored at the horizons the report shows on the hours that have an actual.
         */
        private void forecastAhead(LocalDateTime issuedAt) {
            List<UciHour> ahead = hoursAhead(issuedAt.plusHours(1));
            if (ahead.isEmpty()) {
                return;
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("seriesId", "system");
            request.put("hours", ahead.size());
            request.put("issuedAt", issuedAt.toString());
            request.put("weather", ahead.stream().map(Backtest::weather).toList());
            JsonNode answer = api.postJson(PREDICTION, "/api/v1/forecast", request, 200);
            for (JsonNode forecast : answer.path("points")) {
                Optional<LocalDateTime> hour = localHour(forecast.path("hour"));
                Integer actual = hour.map(actuals::get).orElse(null);
                if (actual == null || !hour.get().isBefore(settings.to().atStartOfDay())) {
                    continue;
                }
                JsonNode interval = forecast.path("interval");
                horizons.add(
                        forecast.path("horizonHours").asInt(),
                        forecast.path("predictedCount").asDouble(),
                        interval.path("p10").isNumber() ? interval.path("p10").asDouble() : null,
                        interval.path("p90").isNumber() ? interval.path("p90").asDouble() : null,
                        actual);
            }
        }

        /**
         * The 24 clock hours from {@code first} (fewer at the end of the data), each with its weather; an hour the data
         * set lacks takes the weather of the latest hour before it.
         */
        private List<UciHour> hoursAhead(LocalDateTime first) {
            List<UciHour> ahead = new ArrayList<>();
            for (LocalDateTime hour = first;
                    ahead.size() < HorizonScores.HORIZONS.getLast() && !hour.isAfter(lastDataHour);
                    hour = hour.plusHours(1)) {
                ahead.add(weatherOf.floorEntry(hour).getValue());
            }
            return ahead;
        }

        /** Time stands still: the run finishes, and a new champion is served before the next hour is forecast. */
        private void followRetraining(LocalDateTime fedHour, JsonNode request) {
            long waitStarted = System.nanoTime();
            LocalDateTime hour = localHour(request.path("at")).orElse(fedHour);
            List<String> reasons = request.path("reasons")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            JsonNode run = follower.finishedRunOf(request.path("eventId").asString());
            JsonNode newChampion = api.get(TRAINING, "/api/v1/models/champion");
            long version = newChampion.path("version").asLong();
            boolean promoted = version != champion;
            if (promoted) {
                awaitServed(api, version);
                String decision = run.path("decision")
                        .path("reasons")
                        .valueStream()
                        .map(JsonNode::asString)
                        .collect(Collectors.joining("; "));
                promotions.add(new Promotion(
                        hour,
                        version,
                        champion,
                        reasons,
                        decision,
                        trainedThrough(newChampion).orElse(null)));
                whyServed.put(version, "promoted after " + String.join(", ", reasons) + " at " + hour);
                champion = version;
            }
            retrains.add(new Retrain(
                    hour,
                    request.path("eventId").asString(),
                    reasons,
                    text(request.path("reason")),
                    run.path("id").asString(),
                    text(run.path("trigger")),
                    run.path("status").asString(),
                    run.path("modelVersion").isNumber()
                            ? run.path("modelVersion").asLong()
                            : null,
                    text(run.path("decision").path("outcome")),
                    promoted,
                    (System.nanoTime() - waitStarted) / 1e9));
        }

        private JsonNode clock() {
            return api.find(MONITORING, "/api/v1/clock")
                    .orElseThrow(() -> new IllegalStateException("the monitoring service has no GET /api/v1/clock;"
                            + " the backtest needs a monitoring service that runs on the data clock"));
        }
    }

    private static Optional<String> requestId(JsonNode clock) {
        JsonNode id = clock.path("lastRetrainingRequest").path("eventId");
        return id.isString() ? Optional.of(id.asString()) : Optional.empty();
    }

    /** What a client knows about the hour: its local time with the zone's offset, and the weather in real units. */
    static Map<String, Object> naturalRequest(UciHour row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "timestamp",
                ZonedDateTime.of(row.hour(), LOCAL_ZONE).toOffsetDateTime().toString());
        body.putAll(weather(row));
        return body;
    }

    /** The hour's weather in real units, as a forecast request gives it. */
    static Map<String, Object> weather(UciHour row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("temperatureCelsius", UciNormalization.temperatureCelsius(row.temp()));
        body.put("feelsLikeCelsius", UciNormalization.feelsLikeCelsius(row.atemp()));
        body.put("humidityPercent", UciNormalization.humidityPercent(row.hum()));
        body.put("windSpeedKmh", UciNormalization.windSpeedKmh(row.windspeed()));
        body.put("weatherSituation", row.weathersit());
        return body;
    }

    /** The hour's actual as a pushed observation, refused whole if any field breaks the data contract. */
    static Map<String, Object> observation(UciHour row) {
        Map<String, Object> observation = new LinkedHashMap<>();
        observation.put("seriesId", "system");
        observation.put("hour", row.hour().toString());
        observation.put("season", row.season());
        observation.put("yr", row.yr());
        observation.put("mnth", row.mnth());
        observation.put("hr", row.hr());
        observation.put("holiday", row.holiday());
        observation.put("weekday", row.weekday());
        observation.put("workingday", row.workingday());
        observation.put("weathersit", row.weathersit());
        observation.put("temp", row.temp());
        observation.put("atemp", row.atemp());
        observation.put("hum", row.hum());
        observation.put("windspeed", row.windspeed());
        observation.put("casual", row.casual());
        observation.put("registered", row.registered());
        observation.put("cnt", row.cnt());
        return Map.of("mode", "strict", "observations", List.of(observation));
    }

    /** Monitoring's alerts, oldest first, each placed at the data hour being judged when it was raised. */
    private static List<Alert> alerts(SuiteApi api, Instant backtestStarted, Feed feed) {
        List<Alert> alerts = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get(MONITORING, "/api/v1/alerts?size=100&page=" + page);
            List<JsonNode> items = answer.path("items").valueStream().toList();
            for (JsonNode item : items) {
                Instant raised = Instant.parse(item.path("firstRaisedAt").asString());
                Map<String, String> fields = new LinkedHashMap<>();
                item.path("fields")
                        .valueStream()
                        .forEach(field -> fields.put(
                                field.path("name").asString(),
                                field.path("value").asString()));
                alerts.add(new Alert(
                        item.path("kind").asString(),
                        text(item.path("severity")),
                        text(item.path("title")),
                        dataTimeOf(item, raised, backtestStarted, feed),
                        raised,
                        item.path("occurrences").asInt(1),
                        fields));
            }
            if (items.size() < 100) {
                break;
            }
        }
        return alerts.reversed();
    }

    /**
     * The data hour an alert belongs to: its own data time when monitoring gives one; a raise time before the backtest
     * started is on the data clock already (monitoring folds alerts on it), so it is that hour; otherwise it is wall
     * time, and the hour is the one being judged when it was raised: monitoring's clock reaches an hour only after
     * judging it, so the first hour reached at or after the raise. Null for alerts of the bootstrap.
     */
    private static LocalDateTime dataTimeOf(JsonNode alert, Instant raised, Instant backtestStarted, Feed feed) {
        for (String field : List.of("dataTime", "dataHour")) {
            Optional<LocalDateTime> given = localHour(alert.path(field));
            if (given.isPresent()) {
                return given.get();
            }
        }
        if (raised.isBefore(backtestStarted)) {
            return LocalDateTime.ofInstant(raised, LOCAL_ZONE).truncatedTo(ChronoUnit.HOURS);
        }
        if (raised.isBefore(feed.feedingStarted)) {
            return null;
        }
        Map.Entry<Instant, LocalDateTime> reached = feed.clockReached.ceilingEntry(raised);
        if (reached != null) {
            return reached.getValue();
        }
        return feed.clockReached.isEmpty()
                ? null
                : feed.clockReached.lastEntry().getValue();
    }

    private Optional<JsonNode> evaluate(
            SuiteApi api, long version, LocalDateTime from, LocalDateTime to, List<String> problems) {
        try {
            return Optional.of(api.postJson(
                    TRAINING,
                    "/api/v1/models/" + version + "/evaluation",
                    Map.of("from", from.toString(), "to", to.toString()),
                    200));
        } catch (RuntimeException e) {
            problems.add("v" + version + " could not be scored on " + from + " .. " + to + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private TreeMap<String, MonthScore> byMonth(
            SuiteApi api,
            long bootstrapVersion,
            List<ServedHour> served,
            LocalDateTime from,
            LocalDateTime to,
            List<String> problems) {
        Map<YearMonth, ErrorSums> servedByMonth = new TreeMap<>();
        served.forEach(hour -> servedByMonth
                .computeIfAbsent(YearMonth.from(hour.hour()), month -> new ErrorSums())
                .add(hour.predictedCount(), hour.actual()));
        TreeMap<String, MonthScore> months = new TreeMap<>();
        servedByMonth.forEach((month, errors) -> {
            LocalDateTime start = max(month.atDay(1).atStartOfDay(), from);
            LocalDateTime end = min(month.plusMonths(1).atDay(1).atStartOfDay(), to);
            Double staticRmse = evaluate(api, bootstrapVersion, start, end, problems)
                    .map(score -> nextHour(score).path("rmse").asDouble())
                    .orElse(null);
            months.put(month.toString(), new MonthScore(errors.count(), errors.rmse(), staticRmse));
        });
        return months;
    }

    private static List<Day> daily(List<ServedHour> served) {
        Map<LocalDate, List<ServedHour>> byDay = served.stream()
                .collect(Collectors.groupingBy(hour -> hour.hour().toLocalDate(), TreeMap::new, Collectors.toList()));
        return byDay.entrySet().stream()
                .map(day -> new Day(
                        day.getKey(),
                        day.getValue().size(),
                        day.getValue().stream().mapToLong(ServedHour::actual).sum(),
                        day.getValue().stream()
                                .mapToLong(ServedHour::predictedCount)
                                .sum()))
                .toList();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** The last hour a registered version's served fit learned from. */
    static Optional<LocalDateTime> trainedThrough(JsonNode version) {
        return localHour(version.path("servedFitEnd"))
                .or(() -> localHour(version.path("trainedThrough")))
                .or(() -> localHour(version.path("trainingEnd")));
    }

    /**
     * An evaluation's next-hour figures, which is what the fed hours are served at; a training service that scores
     * without leads gives only its overall metrics.
     */
    static JsonNode nextHour(JsonNode evaluation) {
        JsonNode lead = evaluation.path("leads").path("1");
        return lead.isObject() ? lead : evaluation.path("metrics");
    }

    /** An evaluation's RMSE per lead, the horizon it serves exactly. */
    private static SortedMap<Integer, Double> byHorizon(JsonNode evaluation) {
        SortedMap<Integer, Double> rmse = new TreeMap<>();
        evaluation
                .path("leads")
                .properties()
                .forEach(lead -> rmse.put(
                        Integer.parseInt(lead.getKey()),
                        lead.getValue().path("rmse").asDouble()));
        return rmse;
    }

    static Optional<LocalDateTime> localHour(JsonNode node) {
        return node.isString() && !node.asString().isBlank()
                ? Optional.of(LocalDateTime.parse(node.asString()))
                : Optional.empty();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the backtest's suite", e);
        }
    }
}
