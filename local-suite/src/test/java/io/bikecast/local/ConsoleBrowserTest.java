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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
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
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final String API_KEY = "console-key";

    private Path data;
    private RunningSuite suite;
    private WebDriver browser;
    private long champion;

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
                        "bikecast.console.backtest-directory",
                        backtests.toString()));
        suite = RunningSuite.start(settings);
        champion = new Bootstrap(
                        suite, API_KEY, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .ensureChampion(settings.uciHourCsv(), Duration.ofMinutes(8));
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
    void overviewShowsTheChampionAndEachSeriesFreshness() throws IOException {
        open("/");
        assertThat(text("#champion .champion-version")).isEqualTo(Long.toString(champion));
        assertThat(text("#series")).contains("system").contains("2012-12-31 23:00");
        assertThat(text("#problems")).isNotBlank();
        screenshot("overview");
    }

    @Test
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
