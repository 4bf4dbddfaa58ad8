package io.bikecast.prediction.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the service under test. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: its status and its body as JSON (null for an empty body). */
    public record Response(int status, JsonNode body, String text) {}

    public Response post(String path, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /**
     * Waits until the service is ready, which it is once its background load has a champion in hand: a test that needs
     * a model calls this after registering one, rather than assuming one is there when the context has started.
     */
    public void awaitReady() {
        Awaitility.await("readiness of the service at " + base)
                .atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness").status() == 200);
    }

    /**
     * The value of one of the service's Prometheus samples: the first of {@code name} whose labels include each of
     * {@code labels} (such as {@code reason="unreadable"}).
     *
     * @throws AssertionError if the service exposes no such sample
     */
    public double metric(String name, String... labels) {
        for (String line : get("/actuator/prometheus").text().split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " "))
                    && Arrays.stream(labels).allMatch(line::contains)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("the service exposes no sample " + name + " with " + Arrays.toString(labels));
    }

    /** One component of {@code /actuator/health} ({@code model}, {@code registry}, {@code kafka}, ...). */
    public JsonNode health(String component) {
        return get("/actuator/health").body().path("components").path(component);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json = response.headers()
                    .firstValue("Content-Type")
                    .filter(type -> type.contains("json"))
                    .isPresent();
            return new Response(response.statusCode(), json && !text.isBlank() ? JSON.readTree(text) : null, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
