package io.bikecast.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.ModelArtifacts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against an HTTP server on 127.0.0.1 that answers exactly as the training service's contract says. */
class TrainingRegistryClientTest {

    private static final byte[] ARTIFACT = Artifacts.forest(1);
    private static final String SHA = ModelArtifacts.sha256(ARTIFACT);

    private HttpServer server;
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private volatile byte[] served = ARTIFACT;
    private volatile String etag = SHA;
    private volatile String format = ModelArtifacts.FORMAT;
    private TrainingRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/api/v1/models/champion", exchange -> json(exchange, 200, """
                {"modelName":"bike-demand","version":3,"algorithm":"random-forest","status":"champion",
                 "alias":"champion","featureSchema":1,"hyperParameters":{"trees":100},
                 "metrics":{"rmse":73.7,"mae":48.1,"r2":0.885,"withinTwentyPercent":0.41},
                 "artifactSha256":"%s","artifactBytes":%d,"runId":"3f0c5d0e-7a53-4e8e-9a39-2b0f0f6c51a2",
                 "createdAt":"2026-12-01T10:00:00Z"}""".formatted(SHA, ARTIFACT.length)));
        server.createContext("/api/v1/models/3", exchange -> json(exchange, 200, """
                {"modelName":"bike-demand","version":3,"algorithm":"random-forest","status":"champion",
                 "alias":"champion","featureSchema":1,
                 "metrics":{"rmse":73.7,"mae":48.1,"r2":0.885,"withinTwentyPercent":0.41},
                 "artifactSha256":"%s","artifactBytes":%d}""".formatted(SHA, ARTIFACT.length)));
        server.createContext("/api/v1/models/challenger", exchange -> json(exchange, 404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"model bike-demand has no challenger"}"""));
        server.createContext("/api/v1/models/3/reference", exchange -> json(exchange, 200, """
                {"features":{"temp":[0.2,0.4]},"predictions":[10.0,20.0],
                 "hours":["2012-07-01T08:00:00","2012-07-01T09:00:00"]}"""));
        server.createContext("/api/v1/models/3/artifact", exchange -> {
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(condition));
            exchange.getResponseHeaders().add("ETag", "\"" + etag + "\"");
            if (condition != null && condition.equals("\"" + etag + "\"")) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().add("X-Artifact-Format", format);
            byte[] body = served;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = TrainingRegistryClient.create(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsTheChampionIgnoringFieldsItDoesNotNeed() {
        ModelVersion champion = client.alias("champion").orElseThrow();

        assertThat(champion.version()).isEqualTo(3);
        assertThat(champion.artifactSha256()).isEqualTo(SHA);
        assertThat(champion.metrics().rmse()).isEqualTo(73.7);
        assertThat(champion.featureSchema()).isEqualTo(1);
    }

    @Test
    void anUnsetAliasIsEmptyNotAnError() {
        assertThat(client.alias("challenger")).isEmpty();
    }

    @Test
    void readsAVersionByNumberAndAnUnknownVersionIsEmpty() {
        assertThat(client.version(3).orElseThrow().metrics().rmse()).isEqualTo(73.7);
        assertThat(client.version(9)).isEmpty();
    }

    @Test
    void readsTheReferenceSampleWithItsHours() {
        var reference = client.reference(client.alias("champion").orElseThrow());

        assertThat(reference.values("temp")).containsExactly(0.2, 0.4);
        assertThat(reference.hours()).hasSize(2);
    }

    @Test
    void downloadsTheArtifactAndSkipsTheDownloadWhenItIsAlreadyHeld() {
        ModelVersion champion = client.alias("champion").orElseThrow();

        assertThat(client.artifact(champion, SHA, null)).isEqualTo(ARTIFACT);
        byte[] held = ARTIFACT.clone();
        assertThat(client.artifact(champion, SHA, held)).isSameAs(held);
        assertThat(ifNoneMatch).containsExactly("null", "\"" + SHA + "\"");
    }

    @Test
    void takesAForecasterArtifactAndRefusesAFormatItCannotRead() {
        ModelVersion champion = client.alias("champion").orElseThrow();
        format = ForecasterArtifacts.FORMAT;

        assertThat(client.artifact(champion, SHA, null)).isEqualTo(ARTIFACT);

        format = "onnx";
        assertThatThrownBy(() -> client.artifact(champion, SHA, null))
                .isInstanceOf(ArtifactRefusedException.class)
                .hasMessageContaining("is in format onnx")
                .hasMessageContaining(ForecasterArtifacts.FORMAT + " and " + ModelArtifacts.FORMAT);
    }

    @Test
    void refusesAnArtifactWhoseChecksumIsNotTheExpectedOne() {
        ModelVersion champion = client.alias("champion").orElseThrow();
        served = Artifacts.forest(2);
        etag = ModelArtifacts.sha256(served);

        assertThatThrownBy(() -> client.artifact(champion, SHA, null))
                .isInstanceOf(ArtifactRefusedException.class)
                .hasMessageContaining("bike-demand v3")
                .hasMessageContaining(SHA + " was expected");
    }

    @Test
    void refusesAnArtifactThatDoesNotMatchItsOwnEtag() {
        ModelVersion champion = client.alias("champion").orElseThrow();
        etag = ModelArtifacts.sha256(Artifacts.forest(2));

        assertThatThrownBy(() -> client.artifact(champion, SHA, null))
                .isInstanceOf(ArtifactRefusedException.class)
                .hasMessageContaining("came with ETag " + etag);
    }

    @Test
    void anUnreachableRegistryIsReportedWithItsUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TrainingRegistryClient nowhere = TrainingRegistryClient.create(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.alias("champion"))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("http://127.0.0.1:" + closedPort)
                .hasMessageContaining("GET /api/v1/models/champion (ConnectException)");
    }

    @Test
    void aServerErrorIsAnUnavailableRegistry() {
        server.createContext("/api/v1/models/7", exchange -> json(exchange, 500, "{\"status\":500}"));

        assertThatThrownBy(() -> client.reference(Artifacts.version(7, ARTIFACT)))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("GET /api/v1/models/7/reference");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
