package io.bikecast.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ingest service's HTTP API as a client sees it, for tests and the benchmark. */
public final class IngestApi {

    public static final String KEY = "test-key";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: status and body parsed as JSON (a missing node when the body is not JSON). */
    public record Answer(int status, JsonNode body, String text) {

        /** The problem's RFC 9457 {@code type}. */
        public String type() {
            return body.path("type").asString();
        }
    }

    /** The type URI of a bikecast problem, as clients see it. */
    public static String problem(String slug) {
        return "https://bikecast.io/problems/" + slug;
    }

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public IngestApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer postCsv(String query, byte[] body) {
        return postCsv(query, body, "text/csv", KEY);
    }

    public Answer postCsv(String query, byte[] body, String contentType, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/ingest/csv" + query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    public Answer postCsvFile(Path file) {
        try {
            return postMultipart(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer postMultipart(String fileName, byte[] content) {
        String boundary = "bikecast" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(uri("/api/v1/ingest/csv"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer postJson(String path, Object body) {
        return postJson(path, JSON.writeValueAsString(body), KEY);
    }

    public Answer postJson(String path, String json, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    public Answer delete(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = JSON.missingNode();
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
