package io.bikecast.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The overview's open alerts against a stand-in for monitoring's alerts API on 127.0.0.1 (the other services down):
 * an open alert is at the top in words with a link to the console's page about it, resolving it without the key is
 * refused and changes nothing, and with the key it is forwarded once, with the reason, and the alert leaves the list.
 */
@SpringBootTest(
        properties = {
            "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
            "bikecast.console.prediction-url=http://127.0.0.1:9",
            "bikecast.console.ingest-url=http://127.0.0.1:9",
            "bikecast.console.training-url=http://127.0.0.1:9",
            "bikecast.console.backtest-directory=target/no-backtests-here"
        })
@AutoConfigureMockMvc
class OpenAlertsTest {

    private static final String KEY = "operator-key";
    private static final UUID ALERT = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
    private static final UUID REPORT = UUID.fromString("0d9b7e55-0000-4000-8000-000000000002");
    private static final FakeMonitoring MONITORING = FakeMonitoring.start();

    @DynamicPropertySource
    static void monitoring(DynamicPropertyRegistry registry) {
        registry.add("bikecast.console.monitoring-url", MONITORING::baseUrl);
    }

    @AfterAll
    static void stop() {
        MONITORING.server.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anOpenAlertIsOnTopInWordsAndResolvingItNeedsTheKey() throws Exception {
        String page = page();
        String wrong = page.substring(page.indexOf("id=\"problems\""), page.indexOf("id=\"models\""));
        assertThat(wrong)
                .contains("What is wrong")
                .contains("data-alert-id=\"" + ALERT + "\"")
                .contains("<strong class=\"alert-kind\">Data drift</strong>")
                .contains("Data drift: bike-demand v3")
                .contains("open since 2012-09-05 14:00 UTC, raised 2×")
                .contains("href=\"/drift?id=" + REPORT + "\"")
                .contains("5 of 5 weather features drifted")
                .contains("action=\"/alerts/resolve\"");

        MvcResult refused = mvc.perform(
                        post("/alerts/resolve").param("id", ALERT.toString()).param("reason", "a heat wave, expected"))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(refused.getFlashMap().get("resolved").toString())
                .contains("refused=true")
                .contains("Refused: the API key is missing or wrong.");
        assertThat(MONITORING.resolved).isEmpty();
        assertThat(page()).contains("data-alert-id=\"" + ALERT + "\"");

        MvcResult done = mvc.perform(post("/alerts/resolve")
                        .param("id", ALERT.toString())
                        .param("reason", "a heat wave, expected")
                        .param("apiKey", KEY))
                .andReturn();
        assertThat(done.getFlashMap().get("resolved").toString())
                .contains("done=true")
                .contains("Resolved: Data drift: bike-demand v3.");
        assertThat(MONITORING.resolved).containsExactly("{\"reason\":\"a heat wave, expected\"}");
        String after = page();
        assertThat(after).doesNotContain("data-alert-id=\"" + ALERT + "\"");
        // Still among the recent alerts, marked resolved, with how.
        assertThat(after.substring(after.indexOf("id=\"alerts\"")))
                .contains("Data drift: bike-demand v3")
                .contains(">resolved<")
                .contains("resolved by an operator: a heat wave, expected");
    }

    private String page() throws Exception {
        MvcResult result = mvc.perform(get("/")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** Monitoring's alerts API with one open drift alert, until it is resolved with the key. */
    static final class FakeMonitoring {

        private final StandIn server;
        private final List<String> resolved = new CopyOnWriteArrayList<>();

        private FakeMonitoring() {
            this.server = StandIn.start(this::answer);
        }

        static FakeMonitoring start() {
            return new FakeMonitoring();
        }

        String baseUrl() {
            return server.baseUrl();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.equals("/api/v1/alerts") && exchange.getRequestMethod().equals("GET")) {
                boolean openOnly = query != null && query.contains("state=open");
                String items = openOnly && !resolved.isEmpty() ? "" : alert();
                StandIn.send(
                        exchange,
                        200,
                        "{\"items\": [" + items + "], \"totalItems\": " + (items.isEmpty() ? 0 : 1) + "}");
            } else if (path.equals("/api/v1/alerts/" + ALERT + "/resolve")) {
                if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                    StandIn.send(
                            exchange,
                            401,
                            "{\"status\": 401, \"detail\": \"This endpoint needs the X-API-Key header.\"}");
                    return;
                }
                resolved.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                StandIn.send(exchange, 200, alert());
            } else {
                StandIn.send(exchange, 404, "{\"status\": 404, \"detail\": \"not here\"}");
            }
        }

        private String alert() {
            boolean done = !resolved.isEmpty();
            return """
                    {"id": "%s", "kind": "DRIFT_DETECTED", "severity": "WARNING",
                     "title": "Data drift: bike-demand v3",
                     "summary": "dataset drift: 5 of 5 weather features drifted", "occurrences": 2,
                     "firstRaisedAt": "2012-09-05T14:00:00Z", "lastRaisedAt": "2012-09-05T15:00:00Z",
                     "state": "%s", "link": "http://localhost:8083/api/v1/drift/reports/%s/html",
                     "resolvedAt": %s, "resolvedHow": %s, "resolutionReason": %s}""".formatted(
                            ALERT,
                            done ? "RESOLVED" : "OPEN",
                            REPORT,
                            done ? "\"2012-09-06T00:00:00Z\"" : "null",
                            done ? "\"OPERATOR\"" : "null",
                            done ? "\"a heat wave, expected\"" : "null");
        }
    }
}
