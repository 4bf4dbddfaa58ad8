package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.console.web.Formats;
import io.bikecast.local.simulation.GbfsSimulator;
import io.bikecast.local.simulation.SimulationSettings;
import io.bikecast.testsupport.LoopbackHttpFake;
import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * The console's pages in a real browser (Debian's headless Chromium through its chromedriver) against a real suite,
 * started once for every test, on the data clock: a real, short {@link Backtest} runs first on it (the hours before
 * {@link #BACKTEST_FROM} as history, a champion trained on them and served, then two days fed hour by hour), so the
 * suite holds the whole UCI data set, trained and serving, and the Backtests page shows that backtest's own report.
 * Each test checks a page shows the suite's real data, and saves a 1366×768 screenshot of it into {@code
 * docs/screenshots/}. Without {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} the tests are skipped, and
 * say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final String API_KEY = "console-key";
    /** Two days, the least that still draws served against actual per day; the data set's last two. */
    static final LocalDate BACKTEST_FROM = LocalDate.of(2012, 12, 30);

    static final LocalDate BACKTEST_TO = LocalDate.of(2013, 1, 1);
    /** A series of today's hours whose weather location (of the same id) ingest polls from a local Open-Meteo. */
    static final String WEATHER_SERIES = "riverside";

    /**
     * A small simulated system, replayed while the backtest runs: 20 stations over the three days before the
     * backtest's, at 50 ms a snapshot, so that its hours never move the data clock past the backtest's history.
     */
    static final SimulationSettings SIMULATION =
            SimulationSettings.of(20).window(LocalDate.of(2012, 12, 27), 3).pollingEvery(Duration.ofMillis(50));

    /**
     * The simulated day whose stations are forecast before it is replayed: the feed is held at its first snapshot
     * while the family is trained on the days before and the Stations page forecasts it.
     */
    static final LocalDate FORECAST_DAY = SIMULATION.to().minusDays(1);

    private static final ZoneId LOCAL = ZoneId.of("America/New_York");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Path data;
    private RunningSuite suite;
    private WebDriver browser;
    private SuiteApi api;
    private BacktestResult backtest;
    private String driftAlert;
    private long championBeforePromote;
    private OpenMeteo openMeteo;
    private GbfsSimulator simulator;
    private FeedGate gate;
    /** Done once the simulated system's last day is forecast and its feed let go on; failed with the reason else. */
    private final CompletableFuture<Void> lastDayForecast = new CompletableFuture<>();

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startSuiteAndBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "the console's browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "the console's browser tests need chromedriver at " + CHROMEDRIVER
                        + " (apt-get install chromium-driver)");
        data = Files.createTempDirectory("console-browser");
        Path backtests = Files.createDirectories(data.resolve("backtests"));
        Path hourCsv = UciDataset.hourCsv().toRealPath();
        openMeteo = new OpenMeteo();
        simulator = GbfsSimulator.start(SIMULATION, SimulatedGbfs.hoursOf(UciHourCsv.read(hourCsv)), line -> {});
        gate = new FeedGate(
                simulator,
                FORECAST_DAY.atStartOfDay(ZoneId.of(GbfsSimulator.TIMEZONE)).toInstant());
        SuiteSettings settings = FreePortSuites.settings(
                data,
                API_KEY,
                Optional.of(hourCsv),
                Map.ofEntries(
                        // As a backtest runs: every schedule on the hours of the data.
                        Map.entry("bikecast.clock.mode", "data"),
                        // The drift check below is meant to raise an alert, not to retrain under the promote and
                        // roll-back tests' feet, and today's hours of the last test must not make 2012's champion
                        // 14 years stale; in the backtest's two days neither trigger fires anyway.
                        Map.entry("bikecast.monitoring.policy.on-dataset-drift", false),
                        Map.entry("bikecast.monitoring.policy.on-scheduled-refresh", false),
                        Map.entry("bikecast.console.backtest-directory", backtests.toString())));
        suite = RunningSuite.start(withIngestOf(SimulatedGbfs.polling(settings, simulator)));
        api = new SuiteApi(suite, API_KEY);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        simulator.backfillWeather(suite.baseUrl("ingest-service"), API_KEY);
        Thread.ofPlatform().name("last-simulated-day").daemon().start(() -> {
            try {
                forecastTheLastSimulatedDay();
                lastDayForecast.complete(null);
            } catch (RuntimeException | Error e) {
                lastDayForecast.completeExceptionally(e);
            } finally {
                // Whatever happened, the replay goes on: the rest of the suite does not wait on it.
                gate.open();
            }
        });
        Path report = Files.createDirectories(backtests.resolve("december-2012"));
        backtest = new Backtest(
                        new BacktestSettings(
                                BACKTEST_FROM,
                                BACKTEST_TO,
                                true,
                                report,
                                hourCsv,
                                API_KEY,
                                Map.of(),
                                Duration.ofMinutes(8)),
                        new ProgressLine(quiet, false))
                .on(suite);
        BacktestJson.write(backtest, report);
        BacktestPage.write(backtest, report);
        // A second version, for the promote form to move the champion to and the roll-back form to move it back.
        long versions =
                api.get("training-service", "/api/v1/models").path("total").asLong();
        api.postJson("training-service", "/api/v1/training-runs", "{\"reason\": \"a second version\"}", 202);
        Polling.until(
                "the second run to finish",
                Duration.ofMinutes(6),
                () -> api.get("training-service", "/api/v1/training-runs?status=queued,running")
                        .path("items")
                        .size(),
                active -> active == 0,
                suite.baseUrl("training-service") + "/api/v1/training-runs");
        assertThat(api.get("training-service", "/api/v1/models").path("total").asLong())
                .as("a second version")
                .isGreaterThan(versions);
        // Whichever is champion now serves the hot week below, so the drift check's window is all of it.
        long champion = api.get("training-service", "/api/v1/models/champion")
                .path("version")
                .asLong();
        Polling.until(
                "the prediction service to serve v" + champion,
                Duration.ofMinutes(2),
                () -> api.get("prediction-service", "/api/v1/models/active"),
                active -> active.path("champion").path("version").asLong(-1) == champion,
                suite.baseUrl("prediction-service") + "/api/v1/models/active");
        // The last week's hours at 38 °C and dry: predictions the drift check finds far from late December's weather.
        for (LocalDateTime hour = BACKTEST_TO.atStartOfDay().minusDays(7);
                hour.isBefore(BACKTEST_TO.atStartOfDay());
                hour = hour.plusHours(1)) {
            api.postJson(
                    "prediction-service",
                    "/api/v1/predict",
                    "{\"timestamp\": \"" + hour + "\", \"temperatureCelsius\": 38, \"feelsLikeCelsius\": 40,"
                            + " \"humidityPercent\": 20, \"windSpeedKmh\": 5, \"weatherSituation\": 1}",
                    200);
        }
        browser = browser();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (suite != null) {
            suite.close();
        }
        if (openMeteo != null) {
            openMeteo.close();
        }
        if (gate != null) {
            gate.close();
        }
        http.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * What an operator of the simulated system would do while it runs, so that its stations' forecasts later meet
     * their actuals: once the days before {@link #FORECAST_DAY} are replayed (the gate holds the feed at that day's
     * first snapshot) and every station's hours are in ingest and in the prediction service, train the family on
     * them (the last of them as holdout), open the Stations page, which forecasts every station's next 24 hours (that
     * day's), and let the day replay.
     */
    private void forecastTheLastSimulatedDay() {
        String system = SIMULATION.systemId();
        Polling.until(
                "the simulated feed to reach " + FORECAST_DAY,
                Duration.ofMinutes(3),
                gate::holding,
                Boolean::booleanValue,
                simulator.baseUrl() + "/simulation.json");
        LocalDateTime lastHour = FORECAST_DAY.atStartOfDay().minusHours(1);
        Map<String, LocalDateTime> ingested = Polling.until(
                "the stations' hours up to " + lastHour + " in the ingest service",
                Duration.ofMinutes(2),
                () -> lastHours(api.get("ingest-service", "/api/v1/ingest/series?prefix=" + system + "-")),
                hours -> hours.size() == SIMULATION.stations() && hours.containsValue(lastHour),
                suite.baseUrl("ingest-service") + "/api/v1/ingest/series?prefix=" + system + "-");
        // The prediction service reads the actuals from Kafka: the forecasts are issued at the last hour once it has
        // it.
        ingested.forEach((series, hour) -> Polling.until(
                "the prediction service to read " + series + " up to " + hour,
                Duration.ofMinutes(1),
                () -> api.get("prediction-service", "/api/v1/history/" + series)
                        .path("latestHour")
                        .asString(""),
                latest -> !latest.isEmpty() && LocalDateTime.parse(latest).equals(hour),
                suite.baseUrl("prediction-service") + "/api/v1/history/" + series));
        String family = SimulatedGbfs.familyOf(system);
        // The last day before FORECAST_DAY is the holdout; the served fit learns both.
        String request = """
                {"model": "%s", "reason": "the simulated days before %s were replayed",
                 "parameters": {"holdoutDays": 1}}""".formatted(family, FORECAST_DAY);
        JsonNode queued = api.postJson("training-service", "/api/v1/training-runs", request, 202);
        String run = "/api/v1/training-runs/" + queued.path("id").asString();
        assertThat(Polling.until(
                                "the run of " + family + " to finish",
                                Duration.ofMinutes(4),
                                () -> api.get("training-service", run),
                                candidate -> Set.of("succeeded", "failed")
                                        .contains(candidate.path("status").asString()),
                                suite.baseUrl("training-service") + run)
                        .path("status")
                        .asString())
                .as("the run of " + family)
                .isEqualTo("succeeded");
        Polling.until(
                "the Stations page to forecast " + FORECAST_DAY + " of every station",
                Duration.ofMinutes(2),
                () -> consolePage("/stations?system=" + system),
                page -> page.contains("<strong>" + SIMULATION.stations() + "</strong> stations forecast")
                        && page.contains("<strong>" + FORMAT.format(lastHour) + "</strong> (the latest actual)"),
                suite.baseUrl("console") + "/stations?system=" + system);
    }

    /** Each series' last hour, from ingest's series list. */
    private static Map<String, LocalDateTime> lastHours(JsonNode ranges) {
        Map<String, LocalDateTime> hours = new LinkedHashMap<>();
        ranges.valueStream()
                .forEach(range -> hours.put(
                        range.path("seriesId").asString(),
                        LocalDateTime.parse(range.path("lastHour").asString())));
        return hours;
    }

    /** A console page as a plain HTTP client reads it: the console draws it, and makes its forecasts, per request. */
    private String consolePage(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.baseUrl("console") + path))
                .timeout(Duration.ofMinutes(1))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " of the console", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ingest polls the simulated system through the {@link FeedGate}; its weather: the simulated system's location
     * (its archive backfills the replayed days) and {@link #WEATHER_SERIES}'s, both forecast by the local Open-Meteo,
     * whose hours are today's: the simulated stations, whose hours are 2012's, have no stored weather forecast, as the
     * GBFS simulation of {@code bin/local-suite}.
     */
    private SuiteSettings withIngestOf(SuiteSettings settings) {
        Map<String, Object> weather = Map.of(
                "bikecast.ingest.gbfs.systems[0].auto-discovery-url",
                gate.autoDiscoveryUrl(),
                "bikecast.ingest.weather.forecast-url",
                openMeteo.baseUrl() + "/v1/forecast",
                "bikecast.ingest.weather.locations[1].id",
                WEATHER_SERIES,
                "bikecast.ingest.weather.locations[1].latitude",
                38.9,
                "bikecast.ingest.weather.locations[1].longitude",
                -77.04);
        return new SuiteSettings(
                settings.dataDirectory(),
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.services().stream()
                        .map(service ->
                                service.name().equals("ingest-service") ? service.withProperties(weather) : service)
                        .toList(),
                settings.apiKey(),
                settings.uciHourCsv(),
                settings.properties());
    }

    @Test
    @Order(1)
    void predictFormAnswersWithItsInterval() throws IOException {
        open("/predict");
        submit("#natural button");
        assertThat(browser.findElements(By.cssSelector("#predicted-count")))
                .as(text("main"))
                .hasSize(1);
        assertThat(Long.parseLong(text("#predicted-count"))).isPositive();
        assertThat(text("#answer")).contains("80% interval").contains("2012-07-04 17:00");
        screenshot("predict");
        WebElement hr = browser.findElement(By.cssSelector("#uci input[name=hr]"));
        hr.clear();
        hr.sendKeys("25");
        submit("#uci button");
        assertThat(text("#answer .unavailable")).contains("400").contains("hr");
    }

    @Test
    @Order(2)
    void forecastDrawsTheNext24HoursWithTheirInterval() throws IOException {
        open("/forecast?series=system");
        // No weather location is the UCI series' (its hours are 2012's; ingest stamps a poll with the wall clock): the
        // page says so and repeats the observed weather. The last test shows a series with stored weather.
        // The prediction service's 409, quoted as a sentence of its own.
        assertThat(text("#no-weather"))
                .contains("no stored weather forecast")
                .contains("cannot forecast from it. The prediction service answered 409: ")
                .doesNotContain(".).")
                .doesNotContain("..");
        List<WebElement> points = browser.findElements(By.cssSelector("#forecast-chart svg circle.point"));
        assertThat(points).hasSize(24);
        assertThat(browser.findElements(By.cssSelector("#forecast-chart svg path.band")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#forecast-table tr"))).hasSize(25);
        screenshot("forecast");
    }

    @Test
    @Order(3)
    void driftCheckIsRefusedWithoutTheKeyAndItsReportShowsEachFeaturesTest() throws IOException {
        open("/drift");
        submit("#check button");
        assertThat(text("#refusal")).contains("Refused").contains("401");
        // Monitoring reads the predictions from Kafka: check with the key until it holds the hot week (before, the
        // window is the backtest's own, which does not drift).
        Polling.until(
                "a drift check that finds the hot week",
                Duration.ofMinutes(2),
                () -> {
                    open("/drift");
                    browser.findElement(By.cssSelector("#check input[name=apiKey]"))
                            .sendKeys(API_KEY);
                    submit("#check button");
                    return text("#report .verdict");
                },
                "DRIFT"::equals,
                suite.baseUrl("monitoring-service") + "/api/v1/drift/reports");
        assertThat(text("#report")).contains("Weather reference");
        assertThat(text("#features")).contains("temp").contains("seasonal").contains("prediction");
        assertThat(browser.findElements(By.cssSelector(".histogram svg rect.bar")))
                .isNotEmpty();
        screenshot("drift");
    }

    @Test
    @Order(4)
    void overviewShowsTheOpenDriftAlertOnTopAndResolvingItNeedsTheKey() throws IOException {
        long current = api.get("training-service", "/api/v1/models/champion")
                .path("version")
                .asLong();
        JsonNode alert = Polling.until(
                "the open drift alert",
                Duration.ofMinutes(1),
                () -> StreamSupport.stream(
                                api.get("monitoring-service", "/api/v1/alerts?state=open")
                                        .path("items")
                                        .spliterator(),
                                false)
                        .filter(a -> a.path("kind").asString().equals("DRIFT_DETECTED"))
                        .findFirst(),
                suite.baseUrl("monitoring-service") + "/api/v1/alerts");
        driftAlert = alert.path("id").asString();
        String item = "#open-alerts li[data-alert-id='" + driftAlert + "']";
        open("/");
        assertThat(text(item))
                .startsWith("Data drift: " + alert.path("title").asString())
                // Raised at the data clock's hour, 2012-12-31 23:00 in New York.
                .contains("open since 2013-01-01 04:00 UTC")
                .contains("the drift report");
        assertThat(browser.findElement(By.cssSelector(item + " a")).getAttribute("href"))
                .endsWith("/drift?id=" + alert.path("link").asString().replaceAll(".*/reports/([^/]+)/html$", "$1"));
        assertThat(text("#champion .champion-version")).isEqualTo(Long.toString(current));
        assertThat(text("#series")).contains("system").contains("2012-12-31 23:00");
        assertThat(text("#drift")).contains("DRIFT");
        assertThat(text("#alerts")).containsIgnoringCase("drift");
        screenshot("overview");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/");
            Long overflow = (Long) ((ChromeDriver) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("horizontal overflow at a phone's width").isLessThanOrEqualTo(0L);
            screenshot("overview-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }

        open("/");
        resolve(item, "");
        assertThat(text("#resolve-outcome")).contains("Refused").contains("401");
        assertThat(browser.findElements(By.cssSelector(item))).hasSize(1);
        resolve(item, API_KEY);
        assertThat(text("#resolve-outcome"))
                .contains("Resolved: " + alert.path("title").asString());
        assertThat(browser.findElements(By.cssSelector(item))).isEmpty();
        JsonNode resolved = StreamSupport.stream(
                        api.get("monitoring-service", "/api/v1/alerts?state=resolved")
                                .path("items")
                                .spliterator(),
                        false)
                .filter(a -> a.path("id").asString().equals(driftAlert))
                .findFirst()
                .orElseThrow();
        assertThat(resolved.path("resolvedHow").asString()).isEqualTo("OPERATOR");
        assertThat(resolved.path("resolutionReason").asString()).isEqualTo("browser test: a hot week, expected");
        assertThat(text("#alerts")).contains("resolved by an operator: browser test: a hot week, expected");
    }

    @Test
    @Order(5)
    void promoteIsRefusedWithoutTheKeyAndWorksWithIt() throws IOException {
        long current = api.get("training-service", "/api/v1/models/champion")
                .path("version")
                .asLong();
        long other = StreamSupport.stream(
                        api.get("training-service", "/api/v1/models")
                                .path("items")
                                .spliterator(),
                        false)
                .mapToLong(v -> v.path("version").asLong())
                .filter(v -> v != current)
                .max()
                .orElseThrow();
        championBeforePromote = current;
        open("/models");
        assertThat(text("#champion-version")).isEqualTo("v" + current);
        assertThat(text("#versions")).contains("v" + current).contains("v" + other);
        promote(other, "");
        assertThat(text("#outcome")).contains("Refused").contains("401");
        assertThat(text("#champion-version")).isEqualTo("v" + current);
        promote(other, "wrong-key");
        assertThat(text("#outcome")).contains("Refused");
        promote(other, API_KEY);
        assertThat(text("#outcome")).contains("v" + other + " is now champion");
        assertThat(text("#champion-version")).isEqualTo("v" + other);
        assertThat(text("#alias-history")).contains("browser test");
    }

    @Test
    @Order(6)
    void rollBackIsRefusedWithoutTheKeyAndReturnsThePreviousChampionWithIt() throws IOException {
        String promoted = text("#champion-version");
        rollBack("");
        assertThat(text("#outcome")).contains("Refused").contains("401");
        assertThat(text("#champion-version")).isEqualTo(promoted);
        rollBack(API_KEY);
        assertThat(text("#outcome")).contains("Rolled back: v" + championBeforePromote + " is now champion");
        assertThat(text("#champion-version")).isEqualTo("v" + championBeforePromote);
        assertThat(api.get("training-service", "/api/v1/models/champion")
                        .path("version")
                        .asLong())
                .isEqualTo(championBeforePromote);
        assertThat(text("#alias-history")).contains("browser test: roll back");
        screenshot("models");
    }

    @Test
    @Order(7)
    void backtestsShowTheRealBacktestsServedAgainstActualAndErrorByMonth() throws IOException {
        open("/backtests?name=december-2012");
        assertThat(text("#backtest")).contains(BACKTEST_FROM + " to " + BACKTEST_TO);
        assertThat(backtest.hours())
                .as("two days of hours, less any the data set lacks")
                .isBetween(40, 48);
        assertThat(Double.parseDouble(text("#served-rmse")))
                .isCloseTo(backtest.servedRmse(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(text("#months")).contains("2012-12 " + backtest.hours());
        assertThat(browser.findElements(By.cssSelector("#daily-chart svg circle.point")))
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#month-chart svg rect.bar")))
                .hasSize(2);
        screenshot("backtests");
    }

    @Test
    @Order(8)
    void stationsShowEveryStationOfTheSimulatedSystemWithItsLiveErrorSortedAndOnAMap() throws Exception {
        String system = SIMULATION.systemId();
        String family = SimulatedGbfs.familyOf(system);
        // The family was trained on the days before FORECAST_DAY and the page forecast that day, before it replayed.
        lastDayForecast.get(8, TimeUnit.MINUTES);
        LocalDateTime from = FORECAST_DAY.atStartOfDay().minusHours(1);
        LocalDateTime to = SIMULATION.to().atStartOfDay().minusHours(1);
        Map<String, Long> published = publishedHours(FORECAST_DAY);
        String perStation = "/api/v1/live-error/series?model=" + family + "&from=" + from + "&to=" + to;
        JsonNode live = Polling.until(
                "every station's forecast of " + FORECAST_DAY + " joined with its actuals in monitoring",
                Duration.ofMinutes(3),
                () -> api.get("monitoring-service", perStation),
                errors -> pairs(errors).equals(published),
                suite.baseUrl("monitoring-service") + perStation);
        open("/stations?system=" + system + "&sort=-day");
        assertSystemIsListed(system);
        assertThat(text("#no-weather"))
                .contains("no stored weather forecast")
                .contains("the weather of the last observed day")
                .doesNotContain(".).");
        assertThat(text("#issued"))
                .contains(SIMULATION.stations() + " stations forecast")
                .contains(family + " v");
        List<Long> days = column("td.day");
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(days.getFirst()).isPositive();
        assertThat(browser.findElements(By.cssSelector("#station-map svg circle.station")))
                .hasSize(SIMULATION.stations())
                .allSatisfy(
                        dot -> assertThat(dot.findElement(By.tagName("title")).getAttribute("textContent"))
                                .contains("rentals in the next 24 hours"));
        // Live RMSE per station over the system's last day: the forecasts the page made before it replayed.
        assertThat(text("#live-window")).contains(FORMAT.format(from) + " to " + FORMAT.format(to));
        Formats formats = new Formats();
        Map<String, String> shown = new LinkedHashMap<>();
        live.path("series")
                .valueStream()
                .forEach(station -> shown.put(
                        station.path("seriesId").asString(),
                        formats.number(station.path("rmse").asDouble()) + " ("
                                + station.path("pairs").asLong() + " h)"));
        assertThat(shown).as("stations with live error").hasSizeGreaterThan(SIMULATION.stations() / 2);
        for (WebElement row : browser.findElements(By.cssSelector("#stations-table tr[data-series]"))) {
            String series = row.getAttribute("data-series");
            assertThat(row.findElement(By.cssSelector("td.rmse")).getText())
                    .as("live RMSE of " + series)
                    .isEqualTo(shown.getOrDefault(series, "—"));
        }
        screenshot("stations");
        // A click on the sorted column's heading turns the order around.
        submit("#stations-table th[aria-sort] a");
        assertThat(column("td.day")).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(text("#stations-table th[aria-sort]")).contains("▲");
        // Worst first on a click on live RMSE.
        submit("#stations-table th:last-child a");
        assertThat(browser.findElements(By.cssSelector("#stations-table td.rmse")).stream()
                        .map(WebElement::getText)
                        .filter(text -> !text.equals("—"))
                        .map(text -> Double.parseDouble(text.substring(0, text.indexOf(' '))))
                        .toList())
                .hasSize(shown.size())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    /**
     * The system is offered and chosen. Its facts come from ingest's list of its systems ({@code GET
     * /api/v1/gbfs/systems}); an ingest older than that list answers 404, and the page says it guessed the systems.
     */
    private void assertSystemIsListed(String system) {
        browser.findElement(By.cssSelector("#choose select[name=system] option[value='" + system + "']"))
                .click();
        submit("#choose button");
        assertThat(browser.getCurrentUrl()).contains("system=" + system);
        assertThat(browser.findElement(By.cssSelector("#choose select[name=system]"))
                        .getDomProperty("value"))
                .isEqualTo(system);
        assertThat(browser.findElements(By.cssSelector("#systems-guessed")))
                .as("the systems come from ingest's list, not guessed")
                .isEmpty();
        // The window's end snapshot (midnight after its last day, in New York) is the feed's newest.
        assertThat(text("#system-facts"))
                .contains("bikecast simulated system")
                .contains(GbfsSimulator.TIMEZONE)
                .contains(Integer.toString(SIMULATION.stations()))
                .contains(FORMAT.format(SIMULATION.to().atStartOfDay()) + " EST");
        assertThat(text("#system-facts dd.feed")).isEqualTo("up");
        assertThat(browser.findElements(By.cssSelector("#feed-down"))).isEmpty();
    }

    /** The station hours of a simulated day ingest publishes as observations (not censored), per series. */
    private Map<String, Long> publishedHours(LocalDate day) {
        ZoneId zone = ZoneId.of(GbfsSimulator.TIMEZONE);
        Instant first = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Long> hours = new java.util.TreeMap<>();
        for (GbfsSimulator.StationHour hour : simulator.stationHours()) {
            if (!hour.emptyOrFull()
                    && !hour.hourStart().isBefore(first)
                    && hour.hourStart().isBefore(end)) {
                hours.merge(SIMULATION.systemId() + "-" + hour.stationId(), 1L, Long::sum);
            }
        }
        return hours;
    }

    /** Monitoring's joined pairs per series. */
    private static Map<String, Long> pairs(JsonNode errors) {
        Map<String, Long> pairs = new java.util.TreeMap<>();
        errors.path("series")
                .valueStream()
                .forEach(station -> pairs.put(
                        station.path("seriesId").asString(),
                        station.path("pairs").asLong()));
        return pairs;
    }

    /** The numbers of a column of the stations table, top to bottom. */
    private List<Long> column(String cell) {
        return browser.findElements(By.cssSelector("#stations-table " + cell)).stream()
                .map(WebElement::getText)
                .filter(text -> !text.equals("—"))
                .map(Long::parseLong)
                .toList();
    }

    @Test
    @Order(9)
    void everyPageFitsAPhonesWidthAndTheDesktops() throws IOException {
        // Whole pages, for a person to look at (the screenshots in docs/ show the first screen only).
        Path whole = Files.createDirectories(Path.of("target/console-pages"));
        List<String> pages =
                List.of("/", "/forecast", "/stations?system=sim", "/models", "/drift", "/backtests", "/predict");
        try {
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
                for (String page : pages) {
                    browser.manage().window().setSize(size);
                    open(page);
                    Long overflow = (Long) ((ChromeDriver) browser)
                            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    assertThat(overflow)
                            .as("sideways scrolling of %s at %d px", page, size.width)
                            .isLessThanOrEqualTo(0L);
                    if (size.width < 600 && page.startsWith("/stations")) {
                        screenshot("stations-phone");
                    }
                    Long height = (Long)
                            ((ChromeDriver) browser).executeScript("return document.documentElement.scrollHeight;");
                    browser.manage().window().setSize(new Dimension(size.width, (int) Math.min(height, 12_000)));
                    String name =
                            page.equals("/") ? "overview" : page.substring(1).replaceAll("[?=&].*", "");
                    Files.write(
                            whole.resolve(name + "-" + size.width + ".png"),
                            ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    @Test
    @Order(10)
    void forecastOfASeriesWithStoredWeatherUsesIt() throws IOException {
        // Ingest polls the location when it starts, and stamps the poll with the wall clock: a series with stored
        // weather is one whose hours are today's. (Its actuals move monitoring's data clock to today, so this test
        // runs last.)
        Polling.until(
                "a stored weather forecast of " + WEATHER_SERIES,
                Duration.ofMinutes(1),
                () -> StreamSupport.stream(
                                api.get("ingest-service", "/api/v1/weather/" + WEATHER_SERIES + "/polls")
                                        .spliterator(),
                                false)
                        .mapToInt(poll -> poll.path("hoursForecast").asInt())
                        .max()
                        .orElse(0),
                hours -> hours >= 26,
                suite.baseUrl("ingest-service") + "/api/v1/weather/" + WEATHER_SERIES + "/polls");
        LocalDateTime last = LocalDateTime.now(LOCAL).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> observations = new ArrayList<>();
        for (LocalDateTime hour = last.minusHours(47); !hour.isAfter(last); hour = hour.plusHours(1)) {
            observations.add(observation(hour));
        }
        api.postJson(
                "ingest-service",
                "/api/v1/ingest/observations",
                Map.of("mode", "strict", "observations", observations),
                201);
        Polling.until(
                "the prediction service to read " + WEATHER_SERIES + "'s hours up to " + last,
                Duration.ofMinutes(1),
                () -> api.find("prediction-service", "/api/v1/history/" + WEATHER_SERIES)
                        .map(history -> history.path("latestHour").asString(""))
                        .filter(hour -> !hour.isEmpty())
                        .map(LocalDateTime::parse),
                latest -> latest.isPresent() && latest.get().equals(last),
                suite.baseUrl("prediction-service") + "/api/v1/history/" + WEATHER_SERIES);
        JsonNode stored = api.get("prediction-service", "/api/v1/forecast?series=" + WEATHER_SERIES + "&hours=24");

        open("/forecast?series=" + WEATHER_SERIES);
        assertThat(browser.findElements(By.cssSelector("#no-weather"))).isEmpty();
        assertThat(text("main")).contains("from the stored weather forecast").contains(FORMAT.format(last));
        assertThat(browser.findElements(By.cssSelector("#forecast-chart svg circle.point")))
                .hasSize(24);
        List<String> counts = browser.findElements(By.cssSelector("#forecast-table tr td:nth-child(3)")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(counts)
                .as("the page shows the forecast GET /api/v1/forecast makes from the stored weather")
                .containsExactlyElementsOf(
                        StreamSupport.stream(stored.path("points").spliterator(), false)
                                .map(point -> point.path("predictedCount").asString())
                                .toList());
        screenshot("forecast-stored-weather");
    }

    private void promote(long version, String key) {
        browser.findElement(By.cssSelector("#promote select[name=version] option[value='" + version + "']"))
                .click();
        browser.findElement(By.cssSelector("#promote input[name=reason]")).sendKeys("browser test");
        browser.findElement(By.cssSelector("#promote input[name=apiKey]")).sendKeys(key);
        submit("#promote button");
    }

    private void rollBack(String key) {
        browser.findElement(By.cssSelector("#rollback input[name=reason]")).sendKeys("browser test: roll back");
        browser.findElement(By.cssSelector("#rollback input[name=apiKey]")).sendKeys(key);
        submit("#rollback button");
    }

    private void resolve(String item, String key) {
        browser.findElement(By.cssSelector(item + " input[name=reason]"))
                .sendKeys("browser test: a hot week, expected");
        browser.findElement(By.cssSelector(item + " input[name=apiKey]")).sendKeys(key);
        submit(item + " button");
    }

    /** One hour of {@link #WEATHER_SERIES} as a pushed observation: mild weather, a daily demand curve. */
    private static Map<String, Object> observation(LocalDateTime hour) {
        UciFeatures features = FeatureEngineering.fromDate(hour.toLocalDate(), hour.getHour(), 1, 0.3, 0.3, 0.6, 0.2);
        int count = 20 + 10 * (12 - Math.abs(12 - hour.getHour()));
        Map<String, Object> observation = new LinkedHashMap<>();
        observation.put("seriesId", WEATHER_SERIES);
        observation.put("hour", hour.toString());
        observation.put("season", features.season());
        observation.put("yr", features.yr());
        observation.put("mnth", features.mnth());
        observation.put("hr", features.hr());
        observation.put("holiday", features.holiday());
        observation.put("weekday", features.weekday());
        observation.put("workingday", features.workingday());
        observation.put("weathersit", features.weathersit());
        observation.put("temp", features.temp());
        observation.put("atemp", features.atemp());
        observation.put("hum", features.hum());
        observation.put("windspeed", features.windspeed());
        observation.put("casual", count / 4);
        observation.put("registered", count - count / 4);
        observation.put("cnt", count);
        return observation;
    }

    /**
     * The simulated system's feed as ingest reads it, held at one instant: every request goes on to the simulator
     * until the {@code station_status} it passed on is of that instant (or later); from then on that snapshot is
     * answered again, as a feed with nothing new says, until the gate is opened. The simulator's feed moves one
     * snapshot per request, so holding it holds the simulated clock.
     */
    static final class FeedGate extends LoopbackHttpFake {

        private static final Pattern LAST_UPDATED = Pattern.compile("\"last_updated\": ?(\\d+)");

        private final GbfsSimulator simulator;
        private final Instant holdAt;
        private final HttpClient http = HttpClient.newHttpClient();
        private volatile boolean open;
        /** The snapshot held, once the feed reached {@link #holdAt}; guarded by this. */
        private byte[] held;

        FeedGate(GbfsSimulator simulator, Instant holdAt) {
            super("/gbfs/", "the simulated feed's gate");
            this.simulator = simulator;
            this.holdAt = holdAt;
            listen();
        }

        String autoDiscoveryUrl() {
            return baseUrl() + "/gbfs/gbfs.json";
        }

        /** Whether the feed has reached the instant and stands there. */
        synchronized boolean holding() {
            return held != null && !open;
        }

        /** Lets the feed go on to its end. */
        void open() {
            open = true;
        }

        @Override
        protected void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.endsWith("/station_status.json")
                    ? status(path)
                    // The discovery file names the feeds: through the gate too.
                    : new String(forward(path), StandardCharsets.UTF_8)
                            .replace(simulator.baseUrl(), baseUrl())
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private synchronized byte[] status(String path) throws IOException {
            if (held != null && !open) {
                return held;
            }
            byte[] snapshot = forward(path);
            Matcher updated = LAST_UPDATED.matcher(
                    new String(snapshot, 0, Math.min(snapshot.length, 200), StandardCharsets.UTF_8));
            if (held == null
                    && updated.find()
                    && !Instant.ofEpochSecond(Long.parseLong(updated.group(1))).isBefore(holdAt)) {
                held = snapshot;
            }
            return snapshot;
        }

        private byte[] forward(String path) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("the simulator answered " + response.statusCode() + " for " + path);
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted asking the simulator for " + path, e);
            }
        }

        @Override
        public void close() {
            super.close();
            http.close();
        }
    }

    /**
     * Open-Meteo's forecast endpoint on 127.0.0.1, answering as its documentation describes (and as ingest's own
     * {@code OpenMeteoFake} does): the requested hourly variables as arrays parallel to {@code time}, GMT hours from
     * {@code past_hours} before the current hour to {@code forecast_hours} after it; mild, dry weather.
     */
    static final class OpenMeteo extends LoopbackHttpFake {

        OpenMeteo() {
            super("/v1/forecast", "a local Open-Meteo");
            listen();
        }

        @Override
        protected void handle(HttpExchange exchange) throws IOException {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
            int past = Integer.parseInt(query.getOrDefault("past_hours", "0"));
            int ahead = Integer.parseInt(query.getOrDefault("forecast_hours", "48"));
            List<String> time = new ArrayList<>();
            List<String> temperature = new ArrayList<>();
            List<String> apparent = new ArrayList<>();
            List<String> humidity = new ArrayList<>();
            List<String> wind = new ArrayList<>();
            List<String> code = new ArrayList<>();
            for (int i = -past; i < ahead; i++) {
                Instant hour = now.plus(i, ChronoUnit.HOURS);
                int h = LocalDateTime.ofInstant(hour, ZoneOffset.UTC).getHour();
                time.add("\"" + LocalDateTime.ofInstant(hour, ZoneOffset.UTC) + "\"");
                temperature.add(Double.toString(8 + h % 12));
                apparent.add(Double.toString(6 + h % 12));
                humidity.add(Integer.toString(50 + h));
                wind.add(Double.toString(8 + h % 5));
                code.add(h % 6 == 0 ? "3" : "0");
            }
            byte[] body = ("""
                    {"latitude":38.9,"longitude":-77.04,"generationtime_ms":0.1,"utc_offset_seconds":0,"timezone":"GMT",
                     "timezone_abbreviation":"GMT","elevation":20.0,
                     "hourly_units":{"time":"iso8601","temperature_2m":"°C","apparent_temperature":"°C",
                       "relative_humidity_2m":"%","wind_speed_10m":"km/h","weather_code":"wmo code"},
                     "hourly":{"time":[""" + String.join(",", time) + "],\"temperature_2m\":["
                            + String.join(",", temperature) + "],\"apparent_temperature\":["
                            + String.join(",", apparent)
                            + "],\"relative_humidity_2m\":[" + String.join(",", humidity) + "],\"wind_speed_10m\":["
                            + String.join(",", wind) + "],\"weather_code\":[" + String.join(",", code) + "]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Clicks a form's button and waits until the page it led to has replaced this one. */
    private void submit(String button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector(button)).click();
        Polling.until(
                "the page after " + button,
                Duration.ofSeconds(30),
                () -> {
                    try {
                        page.isDisplayed();
                        return false;
                    } catch (StaleElementReferenceException replaced) {
                        return true;
                    } catch (WebDriverException replaced) {
                        // Chromium may report a node of the replaced document this way instead of as stale.
                        if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                            return true;
                        }
                        throw replaced;
                    }
                },
                replaced -> replaced,
                browser.getCurrentUrl());
    }

    private void open(String path) {
        browser.get(suite.baseUrl("console") + path);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void screenshot(String page) throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(page + ".png"), png);
    }

    private WebDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,768",
                "--user-data-dir=" + Files.createDirectories(data.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
