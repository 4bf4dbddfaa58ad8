package io.bikecast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Stations page against stand-ins of the four services' APIs on 127.0.0.1: ingest's list of its GBFS systems (the
 * simulated system {@code sim} of three stations, whose feed is up; {@code dc}, whose feed is down; {@code bay}, not
 * polled yet), {@code sim}'s family {@code sim-stations} served without a stored weather forecast (409), monitoring's
 * live error for two of its stations; {@code dc} no family learns. What an operator sees: the system's facts, a row per
 * station with its forecasts and intervals, the order of each sort, a map dot per station sized by its day, a down
 * feed and an older ingest without the list in words.
 */
@SpringBootTest(
        properties = {
            "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
            "bikecast.console.backtest-directory=target/no-backtests-here"
        })
@AutoConfigureMockMvc
class StationsPageTest {

    private static final Services SERVICES = Services.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("prediction", "ingest", "training", "monitoring")) {
            registry.add("bikecast.console." + service + "-url", SERVICES::baseUrl);
        }
    }

    @AfterAll
    static void stop() {
        SERVICES.server.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void everyStationHasItsForecastsIntervalsAndLiveErrorFromTheWeatherOfTheLastObservedDay() throws Exception {
        String page = page("/stations");
        assertThat(page)
                .contains("<option value=\"sim\" selected=\"selected\">sim</option>")
                .contains("<option value=\"dc\">dc</option>")
                .doesNotContain("id=\"systems-guessed\"")
                .doesNotContain("id=\"feed-down\"")
                .doesNotContain(".).");
        // The 409's own words end the sentence: no "(….)." around them.
        assertThat(collapsed(page))
                .contains("There is no stored weather forecast for the stations of <strong>sim</strong>, so the"
                        + " prediction service cannot forecast them from it. <span>The prediction service answered"
                        + " 409: No weather forecast is stored for the location sim.</span>");
        assertThat(page)
                .contains("the weather of the last observed day (<span>2012-09-03 00:00 to 2012-09-03 23:00</span>)")
                .contains("<strong>3</strong> stations forecast, issued at")
                .contains("<strong>2012-09-03 23:00</strong>")
                .contains("<strong>sim-stations v4</strong>")
                .contains("from the weather of the last observed day, repeated")
                .contains("Live RMSE: the champion&#39;s served forecasts against the actuals, 2012-09-02 23:00 to"
                        + " 2012-09-03 23:00.");
        // The bulk forecast of every sim- station, with the 24 observed hours' weather of the station seen last.
        assertThat(SERVICES.bulkPosts)
                .isNotEmpty()
                .allSatisfy(post -> assertThat(post)
                        .startsWith("prefix=sim-|")
                        .contains("\"hours\":24")
                        .contains("\"weatherSituation\":2"));
        assertThat(row(page, "sim-a"))
                .contains("<a href=\"/forecast?series=sim-a\">Union Station</a>")
                .contains("<td class=\"capacity\">19</td>")
                .contains("<td class=\"next\">5</td>")
                .contains("<td class=\"next-interval\">3 – 8</td>")
                .contains("<td class=\"day\">120</td>")
                .contains("<td class=\"day-interval\">72 – 169</td>")
                .contains("<td class=\"rmse\">2.5 (24 h)</td>");
        assertThat(row(page, "sim-c")).contains("<td class=\"rmse\">—</td>");
    }

    @Test
    void eachColumnSortsOnTheServerAndAClickOnTheSortedOneTurnsItAround() throws Exception {
        assertThat(order(page("/stations?system=sim"))).containsExactly("sim-c", "sim-b", "sim-a");
        assertThat(order(page("/stations?system=sim&sort=-day"))).containsExactly("sim-a", "sim-b", "sim-c");
        assertThat(order(page("/stations?system=sim&sort=day"))).containsExactly("sim-c", "sim-b", "sim-a");
        assertThat(order(page("/stations?system=sim&sort=-capacity"))).containsExactly("sim-c", "sim-a", "sim-b");
        assertThat(order(page("/stations?system=sim&sort=-next"))).containsExactly("sim-b", "sim-a", "sim-c");
        // Worst first; a station without live error last, whichever the direction.
        assertThat(order(page("/stations?system=sim&sort=-rmse"))).containsExactly("sim-b", "sim-a", "sim-c");
        assertThat(order(page("/stations?system=sim&sort=rmse"))).containsExactly("sim-a", "sim-b", "sim-c");

        String byDay = page("/stations?system=sim&sort=-day");
        assertThat(byDay)
                .contains("<th aria-sort=\"descending\"><a href=\"/stations?system=sim&amp;sort=day\">next 24 hours"
                        + " ▼</a></th>")
                .contains("<a href=\"/stations?system=sim&amp;sort=-capacity\">docks </a>")
                .contains("<a href=\"/stations?system=sim&amp;sort=name\">station </a>");

        MvcResult wrong = mvc.perform(get("/stations?sort=popularity")).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString())
                .contains("sort=popularity is none of name, capacity, next, day, rmse");
    }

    @Test
    void theMapHasADotPerStationAtItsPositionSizedByItsDayWithATooltip() throws Exception {
        String page = page("/stations?system=sim");
        String map = page.substring(page.indexOf("<figure id=\"station-map\">"), page.indexOf("</figure>"));
        assertThat(map)
                .contains("<svg class=\"chart map\"")
                .contains("km</text>")
                .contains("dot area: forecast of the next 24 hours (largest 120 rentals)");
        List<Dot> dots = dots(map);
        assertThat(dots).extracting(Dot::series).containsExactlyInAnyOrder("sim-a", "sim-b", "sim-c");
        Dot a = dot(dots, "sim-a");
        Dot b = dot(dots, "sim-b");
        Dot c = dot(dots, "sim-c");
        // sim-a is north-east of sim-b, sim-c west of both; north is up.
        assertThat(a.x()).isGreaterThan(b.x()).isGreaterThan(c.x());
        assertThat(a.y()).isLessThan(b.y());
        // Area proportional to the day: 120 against 30, twice the radius above the smallest dot's 3 px.
        assertThat(a.r()).isEqualTo(16.0);
        assertThat(b.r()).isEqualTo(9.5);
        assertThat(c.r()).isEqualTo(3.0);
        assertThat(a.title())
                .isEqualTo("Union Station, 19 docks: 120 rentals in the next 24 hours (72 to 169), 5 in the next hour;"
                        + " live RMSE 2.5");
        assertThat(map).contains("<a href=\"/forecast?series=sim-a\"><circle class=\"station\"");
        assertThat(c.title()).endsWith(": 0 rentals in the next 24 hours (0 to 0), 0 in the next hour");
    }

    @Test
    void aSystemNoFamilyLearnsSaysSoAndIsNotForecastByTheSystemsModel() throws Exception {
        String page = page("/stations?system=dc");
        assertThat(page)
                .contains("No model family is trained over the stations of <strong>dc</strong>")
                .contains("bike-demand (system), sim-stations (sim-*)")
                .contains("<a href=\"/forecast?series=dc-31000\">Lincoln Memorial</a>")
                .contains("<td class=\"next\">—</td>");
        assertThat(SERVICES.forecastPrefixes).doesNotContain("dc-");
    }

    @Test
    void theSystemsAreIngestsInItsOrderAndTheChosenOnesFactsAreShown() throws Exception {
        String page = page("/stations");
        assertThat(options(page)).containsExactly("sim", "dc", "bay");
        String facts = page.substring(page.indexOf("<dl id=\"system-facts\""), page.indexOf("</dl>"));
        assertThat(facts)
                .contains("<strong>bikecast simulated system</strong>")
                .contains("<code>sim</code>, stations <code>sim-*</code>")
                .contains("<dd>America/New_York</dd>")
                .contains("<dd>3</dd>")
                // 03:59 UTC, in the system's own zone.
                .contains("<dd>2012-09-03 23:59 EDT</dd>")
                .contains("<dd class=\"feed\">up</dd>");
    }

    @Test
    void aDownFeedIsSaidInWordsAtTheTopWithSinceWhenAndWhy() throws Exception {
        String page = page("/stations?system=dc");
        assertThat(collapsed(page))
                .contains("<p id=\"feed-down\" class=\"unavailable down\">")
                .contains("The feed of <strong>Capital Bikeshare</strong> is down: every poll of it has failed since"
                        + " <strong>2012-09-03 18:35 EDT</strong><span>: station_status.json answered 503 Service"
                        + " Unavailable.</span>")
                .contains("Its newest snapshot is of 2012-09-03 18:30 EDT: the forecasts and live error below are as"
                        + " of its stations&#39; last hours.")
                .contains("<dd class=\"feed critical\">down since 2012-09-03 18:35 EDT</dd>");
        assertThat(page.indexOf("id=\"feed-down\""))
                .as("the down feed comes first")
                .isLessThan(page.indexOf("id=\"no-family\""))
                .isLessThan(page.indexOf("id=\"stations-table\""));
        assertThat(page("/stations?system=sim")).doesNotContain("id=\"feed-down\"");
    }

    @Test
    void aSystemIngestHasNotPolledYetSaysWhatIsNotKnownYet() throws Exception {
        String page = page("/stations?system=bay");
        assertThat(page)
                .contains("<strong>no name read yet</strong>")
                .contains("<dd>not read yet</dd>")
                .contains("<dd>none known yet</dd>")
                .contains("<dd>none yet</dd>")
                .contains("The ingest service polls <strong>bay</strong> but has seen no station of it yet.");
    }

    @Test
    void anOlderIngestWithoutTheListOfSystemsHasThemGuessedAndSaysSo() throws Exception {
        SERVICES.listsSystems = false;
        try {
            String page = page("/stations");
            assertThat(page)
                    .contains("This ingest service does not list its GBFS systems (it answered 404 to")
                    .contains("it is older than that list), so</span>")
                    .contains("the systems offered are guessed from the model families")
                    .doesNotContain("id=\"system-facts\"")
                    .contains("<strong>3</strong> stations forecast");
            // Guessed: the systems a family learns first, then the other series prefixes; bay has neither.
            assertThat(options(page)).containsExactly("sim", "dc");
        } finally {
            SERVICES.listsSystems = true;
        }
    }

    @Test
    void aSystemIngestDoesNotPollSaysSo() throws Exception {
        assertThat(page("/stations?system=nowhere"))
                .contains("The ingest service answered 404: No GBFS system &#39;nowhere&#39; is configured.");
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** The page with every run of white space one space: sentences the template breaks over lines, whole. */
    private static String collapsed(String page) {
        return page.replaceAll("\\s+", " ");
    }

    private static String row(String page, String series) {
        int start = page.indexOf("<tr data-series=\"" + series + "\">");
        assertThat(start).as("the row of " + series).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The systems of the picker, in its order. */
    private static List<String> options(String page) {
        return firstGroups(page, "<option value=\"([^\"]+)\"");
    }

    /** The stations of the table, top to bottom. */
    private static List<String> order(String page) {
        return firstGroups(page, "<tr data-series=\"([^\"]+)\">");
    }

    private static List<String> firstGroups(String page, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matches = Pattern.compile(regex).matcher(page);
        while (matches.find()) {
            found.add(matches.group(1));
        }
        return found;
    }

    record Dot(String series, double x, double y, double r, String title) {}

    private static List<Dot> dots(String map) {
        Matcher circles = Pattern.compile("<circle class=\"station[^\"]*\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\""
                        + " r=\"([\\d.]+)\" data-series=\"([^\"]+)\"><title>([^<]*)</title>")
                .matcher(map);
        List<Dot> dots = new ArrayList<>();
        while (circles.find()) {
            dots.add(new Dot(
                    circles.group(4),
                    Double.parseDouble(circles.group(1)),
                    Double.parseDouble(circles.group(2)),
                    Double.parseDouble(circles.group(3)),
                    circles.group(5)));
        }
        return dots;
    }

    private static Dot dot(List<Dot> dots, String series) {
        return dots.stream().filter(d -> d.series().equals(series)).findFirst().orElseThrow();
    }

    /** The four services' APIs in one stand-in: their paths do not overlap. */
    static final class Services {

        private final StandIn server;
        private final List<String> bulkPosts = new CopyOnWriteArrayList<>();
        private final List<String> forecastPrefixes = new CopyOnWriteArrayList<>();
        /** False: an ingest older than its list of GBFS systems, which answers 404 for it. */
        private volatile boolean listsSystems = true;

        private Services() {
            this.server = StandIn.start(this::answer);
        }

        static Services start() {
            return new Services();
        }

        String baseUrl() {
            return server.baseUrl();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery() == null
                    ? ""
                    : exchange.getRequestURI().getQuery();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/api/v1/models/families" -> StandIn.send(exchange, 200, """
                        [{"modelName": "bike-demand", "series": "system"},
                         {"modelName": "sim-stations", "series": "sim-*"}]""");
                case "/api/v1/ingest/series" -> StandIn.send(exchange, 200, """
                        [{"seriesId": "system", "firstHour": "2011-01-01T00:00", "lastHour": "2012-12-31T23:00", "hours": 17379},
                         {"seriesId": "dc-31000", "firstHour": "2012-09-01T00:00", "lastHour": "2012-09-03T22:00", "hours": 70},
                         {"seriesId": "sim-a", "firstHour": "2012-09-01T00:00", "lastHour": "2012-09-03T22:00", "hours": 71},
                         {"seriesId": "sim-b", "firstHour": "2012-09-01T00:00", "lastHour": "2012-09-03T23:00", "hours": 72}]""");
                case "/api/v1/ingest/observations/export" -> {
                    assertThat(query).contains("series=sim-b").contains("from=2012-09-03T00:00");
                    StandIn.send(exchange, 200, export());
                }
                case "/api/v1/gbfs/systems" -> {
                    if (listsSystems) {
                        StandIn.send(exchange, 200, """
                                [{"id": "sim", "name": "bikecast simulated system", "timeZone": "America/New_York",
                                  "seriesPrefix": "sim-", "stations": 3, "lastSnapshotAt": "2012-09-04T03:59:00Z",
                                  "feed": "up", "downSince": null, "reason": null},
                                 {"id": "dc", "name": "Capital Bikeshare", "timeZone": "America/New_York",
                                  "seriesPrefix": "dc-", "stations": 1, "lastSnapshotAt": "2012-09-03T22:30:00Z",
                                  "feed": "down", "downSince": "2012-09-03T22:35:00Z",
                                  "reason": "station_status.json answered 503 Service Unavailable"},
                                 {"id": "bay", "name": null, "timeZone": null, "seriesPrefix": "bay-", "stations": 0,
                                  "lastSnapshotAt": null, "feed": "up", "downSince": null, "reason": null}]""");
                    } else {
                        StandIn.send(exchange, 404, """
                                {"status": 404, "title": "Not Found", "detail": "No static resource api/v1/gbfs/systems."}""");
                    }
                }
                case "/api/v1/gbfs/systems/bay/stations" -> StandIn.send(exchange, 200, """
                        {"system": "bay", "page": 0, "size": 1000, "hasNext": false, "items": []}""");
                case "/api/v1/gbfs/systems/sim/stations" -> StandIn.send(exchange, 200, """
                        {"system": "sim", "page": 0, "size": 1000, "hasNext": false, "items": [
                          {"stationId": "a", "seriesId": "sim-a", "name": "Union Station", "lat": 38.90, "lon": -77.00, "capacity": 19},
                          {"stationId": "b", "seriesId": "sim-b", "name": "Foggy Bottom", "lat": 38.88, "lon": -77.03, "capacity": 15},
                          {"stationId": "c", "seriesId": "sim-c", "name": "Anacostia", "lat": 38.89, "lon": -77.06, "capacity": 27}]}""");
                case "/api/v1/gbfs/systems/dc/stations" -> StandIn.send(exchange, 200, """
                        {"system": "dc", "page": 0, "size": 1000, "hasNext": false, "items": [
                          {"stationId": "31000", "seriesId": "dc-31000", "name": "Lincoln Memorial", "lat": 38.889, "lon": -77.05, "capacity": 23}]}""");
                case "/api/v1/forecast/series" -> {
                    String prefix = query.replaceAll(".*prefix=([^&]*).*", "$1");
                    forecastPrefixes.add(prefix);
                    if (method.equals("GET")) {
                        StandIn.send(exchange, 409, """
                                {"type": "https://bikecast.io/problems/no-weather-forecast", "status": 409,
                                 "title": "No weather forecast", "detail": "No weather forecast is stored for the location sim."}""");
                    } else {
                        bulkPosts.add("prefix=" + prefix + "|"
                                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                        StandIn.send(exchange, 200, bulk());
                    }
                }
                case "/api/v1/live-error/series" -> {
                    // The 24 hours up to sim's latest station hour (sim-b's), not monitoring's data clock.
                    assertThat(query).isEqualTo("model=sim-stations&from=2012-09-02T23:00&to=2012-09-03T23:00");
                    StandIn.send(exchange, 200, """
                            {"modelName": "sim-stations", "from": "2012-09-02T23:00", "to": "2012-09-03T23:00", "series": [
                              {"seriesId": "sim-a", "pairs": 24, "rmse": 2.5, "mae": 2.0, "bias": 0.1, "meanActual": 5.0},
                              {"seriesId": "sim-b", "pairs": 24, "rmse": 4.0, "mae": 3.0, "bias": -0.2, "meanActual": 2.0}]}""");
                }
                default ->
                    StandIn.send(
                            exchange,
                            404,
                            "{\"status\": 404, \"detail\": \"No GBFS system 'nowhere' is configured.\"}");
            }
        }

        /** The last 24 observed hours of sim-b: cloudy (weathersit 2). */
        private static String export() {
            StringBuilder rows = new StringBuilder();
            for (int h = 0; h < 24; h++) {
                rows.append(h == 0 ? "" : ",")
                        .append("[\"2012-09-03T%02d:00\", 2, 0.7, 0.65, 0.6, 0.2, 3]".formatted(h));
            }
            return "{\"seriesId\": \"sim-b\", \"columns\": [\"hour\", \"weathersit\", \"temp\", \"atemp\", \"hum\","
                    + " \"windspeed\", \"cnt\"], \"rows\": [" + rows + "]}";
        }

        /** sim-a: 5 an hour (3 to 7, 8 in the first), sim-b: 7, then 1 an hour, 30 in all; sim-c: nothing. */
        private static String bulk() {
            return "{\"prefix\": \"sim-\", \"hours\": 24, \"series\": 3, \"forecasts\": ["
                    + forecast("sim-a", new long[] {5}, 5, 3, 7, 8)
                    + "," + forecast("sim-b", new long[] {7, 1}, 1, 0.5, 2, 2)
                    + "," + forecast("sim-c", new long[] {0}, 0, 0, 0, 0) + "]}";
        }

        /**
         * 24 points: the first {@code first} counts, then {@code rest} each; every interval {@code low}–{@code high}
         * but the first hour's, whose top is {@code firstHigh}.
         */
        private static String forecast(
                String series, long[] first, long rest, double low, double high, double firstHigh) {
            StringBuilder points = new StringBuilder();
            for (int h = 0; h < 24; h++) {
                long count = h < first.length ? first[h] : rest;
                points.append(h == 0 ? "" : ",")
                        .append(
                                "{\"hour\": \"2012-09-04T%02d:00\", \"horizonHours\": %d, \"lead\": 1, \"predictedCount\": %d, \"interval\": {\"p10\": %s, \"p90\": %s}}"
                                        .formatted(h, h + 1, count, low, h == 0 ? firstHigh : high));
            }
            return "{\"seriesId\": \"" + series + "\", \"issuedAt\": \"2012-09-03T23:00\", \"hours\": 24,"
                    + " \"modelName\": \"sim-stations\", \"modelVersion\": 4, \"servedBy\": \"champion\","
                    + " \"historyUsed\": true, \"points\": [" + points + "]}";
        }
    }
}
