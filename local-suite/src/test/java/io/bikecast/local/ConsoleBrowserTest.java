package io.bikecast.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bikecast.testsupport.UciDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console's pages in a real browser (Debian's headless Chromium through its chromedriver) against a real suite,
 * started once for every test: bootstrapped from the UCI data, trained and serving. Each test checks a page shows the
 * suite's real data, and saves a 1366×768 screenshot of it into {@code docs/screenshots/}. Without {@code
 * /usr/bin/chromium} or {@code /usr/bin/chromedriver} the tests are skipped, and say so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final String API_KEY = "console-key";

    private Path data;
    private RunningSuite suite;
    private WebDriver browser;
    private long champion;
    private SuiteApi api;

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
        SuiteSettings settings = FreePortSuites.settings(
                data,
                API_KEY,
                Optional.of(UciDataset.hourCsv().toRealPath()),
                Map.of(
                        "bikecast.training.forest.trees",
                        20,
                        // The drift check compares the latest predictions, whatever hours they name.
                        "bikecast.monitoring.drift.window-mode",
                        "LAST_N",
                        "bikecast.monitoring.drift.window-size",
                        200,
                        "bikecast.console.backtest-directory",
                        backtests.toString()));
        writeBacktestReport(Files.createDirectories(backtests.resolve("september-2012")));
        suite = RunningSuite.start(settings);
        champion = new Bootstrap(
                        suite, API_KEY, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .ensureChampion(settings.uciHourCsv(), Duration.ofMinutes(8));
        api = new SuiteApi(suite, API_KEY);
        // A second version, for the promote form to move the champion to.
        api.postJson("training-service", "/api/v1/training-runs", "{\"reason\": \"a second version\"}", 202);
        Polling.until(
                "a second version",
                Duration.ofMinutes(6),
                () -> api.get("training-service", "/api/v1/models")
                        .path("total")
                        .asLong(),
                total -> total >= 2,
                suite.baseUrl("training-service") + "/api/v1/training-runs");
        // December hours at 38 °C: predictions the drift check finds far from December's reference.
        for (int day = 1; day <= 3; day++) {
            for (int hour = 0; hour < 24; hour++) {
                api.postJson(
                        "prediction-service",
                        "/api/v1/predict",
                        String.format(
                                "{\"timestamp\": \"2012-12-%02dT%02d:00\", \"temperatureCelsius\": 38,"
                                        + " \"feelsLikeCelsius\": 40, \"humidityPercent\": 20,"
                                        + " \"windSpeedKmh\": 5, \"weatherSituation\": 1}",
                                day, hour),
                        200);
            }
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
        // The suite polls no weather (no location is configured): the page says so and repeats the observed weather.
        assertThat(text("#no-weather")).contains("no stored weather forecast");
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
        // Monitoring reads the predictions from Kafka: wait until it holds them all, then check.
        Polling.until(
                "the predictions in monitoring",
                Duration.ofMinutes(2),
                () -> {
                    open("/drift");
                    browser.findElement(By.cssSelector("#check input[name=apiKey]"))
                            .sendKeys(API_KEY);
                    submit("#check button");
                    return text("#report");
                },
                report -> !report.contains("NOT_ENOUGH_DATA"),
                suite.baseUrl("monitoring-service") + "/api/v1/drift/reports");
        assertThat(text("#report")).contains("DRIFT").contains("Weather reference");
        assertThat(text("#features")).contains("temp").contains("seasonal").contains("prediction");
        assertThat(browser.findElements(By.cssSelector(".histogram svg rect.bar")))
                .isNotEmpty();
        screenshot("drift");
    }

    @Test
    @Order(4)
    void overviewShowsTheChampionEachSeriesFreshnessTheDriftAndItsAlert() throws IOException {
        long current = api.get("training-service", "/api/v1/models/champion")
                .path("version")
                .asLong();
        Polling.until(
                "the drift alert",
                Duration.ofMinutes(1),
                () -> api.get("monitoring-service", "/api/v1/alerts")
                        .path("items")
                        .size(),
                alerts -> alerts > 0,
                suite.baseUrl("monitoring-service") + "/api/v1/alerts");
        open("/");
        assertThat(text("#champion .champion-version")).isEqualTo(Long.toString(current));
        assertThat(text("#series")).contains("system").contains("2012-12-31 23:00");
        assertThat(text("#problems")).contains("drift");
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
    }

    @Test
    @Order(5)
    void promoteIsRefusedWithoutTheKeyAndWorksWithIt() throws IOException {
        long current = api.get("training-service", "/api/v1/models/champion")
                .path("version")
                .asLong();
        long other = current == 1 ? 2 : 1;
        open("/models");
        assertThat(text("#champion-version")).isEqualTo("v" + current);
        assertThat(text("#versions")).contains("v1").contains("v2");
        promote(other, "");
        assertThat(text("#outcome")).contains("Refused").contains("401");
        assertThat(text("#champion-version")).isEqualTo("v" + current);
        promote(other, "wrong-key");
        assertThat(text("#outcome")).contains("Refused");
        promote(other, API_KEY);
        assertThat(text("#outcome")).contains("v" + other + " is now champion");
        assertThat(text("#champion-version")).isEqualTo("v" + other);
        assertThat(text("#alias-history")).contains("browser test");
        screenshot("models");
    }

    @Test
    @Order(6)
    void backtestsShowServedAgainstActualAndErrorByMonth() throws IOException {
        open("/backtests");
        assertThat(text("#backtest")).contains("2012-09-01 to 2012-09-15");
        assertThat(text("#served-rmse")).isEqualTo("61.2");
        assertThat(text("#months")).contains("2012-09");
        assertThat(text("#served-versions")).contains("retrained");
        assertThat(browser.findElements(By.cssSelector("#daily-chart svg circle.point")))
                .hasSize(3);
        screenshot("backtests");
    }

    @Test
    @Order(7)
    void everyPageFitsAPhonesWidth() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/", "/forecast", "/models", "/drift", "/backtests", "/predict")) {
                open(page);
                Long overflow = (Long) ((ChromeDriver) browser)
                        .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow)
                        .as("sideways scrolling of %s at 390 px", page)
                        .isLessThanOrEqualTo(0L);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    private void promote(long version, String key) {
        browser.findElement(By.cssSelector("#promote select[name=version] option[value='" + version + "']"))
                .click();
        browser.findElement(By.cssSelector("#promote input[name=reason]")).sendKeys("browser test");
        browser.findElement(By.cssSelector("#promote input[name=apiKey]")).sendKeys(key);
        submit("#promote button");
    }

    /** A backtest's report in the shape {@link BacktestJson} writes, three days long. */
    private static void writeBacktestReport(Path directory) throws IOException {
        Files.writeString(directory.resolve(BacktestJson.FILE), """
                {"from": "2012-09-01", "to": "2012-09-15", "policy": "on", "hours": 72,
                 "servedRmse": 61.2, "servedMae": 40.1,
                 "horizons": {"1": {"forecasts": 72, "rmse": 55.0, "mae": 35.2, "coverage80": 0.79}},
                 "staticRmse": 70.4, "staticMae": 47.3, "staticHorizons": {"1": 64.0},
                 "improvementOverStatic": 0.1307,
                 "rmseByMonth": {"2012-09": {"hours": 72, "served": 61.2, "static": 70.4}},
                 "bootstrapVersion": 1, "bootstrapTrainedThrough": "2012-08-31T23:00",
                 "retrains": [], "promotions": [{"dataHour": "2012-09-02T12:00", "version": 2,
                   "previousVersion": 1, "reason": "retrained on drift", "trainedThrough": "2012-09-02T11:00",
                   "cause": ["drift"]}],
                 "servedVersions": [{"dataHour": "2012-09-02T12:00", "from": 1, "to": 2, "why": "retrained on drift"}],
                 "alerts": [],
                 "daily": [{"date": "2012-09-01", "hours": 24, "actual": 4500, "served": 4380},
                           {"date": "2012-09-02", "hours": 24, "actual": 5200, "served": 5010},
                           {"date": "2012-09-03", "hours": 24, "actual": 3900, "served": 4120}],
                 "wallSeconds": 120.5, "wallSecondsPerHour": 1.67,
                 "wallSecondsBy": {"bootstrap": 60.0, "feed": 50.0, "retraining": 10.5}, "problems": []}
                """);
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
