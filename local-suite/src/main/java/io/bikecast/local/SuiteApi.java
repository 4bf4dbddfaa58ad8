package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's HTTP APIs as a client sees them: JSON in and out, the API key on every mutating call, and an error that
 * names the call and the service's answer whenever a status other than the expected one comes back.
 */
final class SuiteApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSuite suite;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SuiteApi(RunningSuite suite, String apiKey) {
        this.suite = suite;
        this.apiKey = apiKey;
    }

    /** The answer of a GET, or empty when the service says 404. */
    Optional<JsonNode> find(String service, String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri(service, path)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(response, 200, "GET " + uri(service, path)));
    }

    JsonNode get(String service, String path) {
        return find(service, path)
                .orElseThrow(() -> new IllegalStateException("GET " + uri(service, path) + " answered 404"));
    }

    JsonNode postJson(String service, String path, Object body, int expectedStatus) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return post(service, path, "application/json", json, expectedStatus);
    }

    JsonNode postCsv(String service, String path, String csv, int expectedStatus) {
        return post(service, path, "text/csv; charset=utf-8", csv, expectedStatus);
    }

    private JsonNode post(String service, String path, String contentType, String body, int expectedStatus) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", contentType)
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return expect(response, expectedStatus, "POST " + uri(service, path));
    }

    private static JsonNode expect(HttpResponse<String> response, int expectedStatus, String call) {
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + " instead of "
                    + expectedStatus + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private URI uri(String service, String path) {
        return URI.create(suite.baseUrl(service) + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the suite did not answer " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while calling " + request.build().uri(), e);
        }
    }
}
