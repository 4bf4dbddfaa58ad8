package io.bikecast.prediction.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ModelArtifacts;
import io.bikecast.common.registry.ReferenceSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training service's registry API exactly as its contract says, on 127.0.0.1, serving real artifacts of real
 * forests: {@code GET /api/v1/models/champion}, {@code /challenger}, {@code /{version}}, {@code /{version}/reference}
 * and {@code /{version}/artifact} (ETag, X-Artifact-Format, 304 on If-None-Match), 404 problems for an unset alias or
 * an unknown version. It can also stop answering (503), go away entirely and come back on the same port, or serve a
 * different artifact than the one it describes.
 */
public final class FakeTrainingRegistry implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION_PATH = Pattern.compile("/api/v1/models/(\\d+)(/reference|/artifact)?");

    /** One registered version. */
    private record Stored(long version, byte[] artifact, String sha256, ReferenceSample reference) {}

    private final Map<Long, Stored> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> aliases = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> servedInstead = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final String modelName;
    private volatile boolean answering = true;
    private volatile HttpServer server;
    private int port;

    private FakeTrainingRegistry(String modelName) {
        this.modelName = modelName;
    }

    /** Started on a free port. */
    public static FakeTrainingRegistry start(String modelName) {
        FakeTrainingRegistry registry = new FakeTrainingRegistry(modelName);
        registry.listen(0);
        return registry;
    }

    /** Points the service under test at this registry, with a disk cache of its own. */
    public void configure(DynamicPropertyRegistry properties) {
        properties.add("bikecast.prediction.registry.base-url", this::baseUrl);
        String cacheDirectory = newCacheDirectory();
        properties.add("bikecast.prediction.registry.cache-directory", () -> cacheDirectory);
        properties.add("bikecast.prediction.registry.retry-interval", () -> "200ms");
    }

    /** A new, empty cache directory under the build's {@code target}, so that {@code clean} removes it. */
    public static String newCacheDirectory() {
        try {
            Path caches = Files.createDirectories(Path.of("target", "test-model-caches"));
            return Files.createTempDirectory(caches, "prediction-cache")
                    .toAbsolutePath()
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Registers a model as the next version and returns the version. */
    public long register(byte[] artifact, ReferenceSample reference) {
        synchronized (versions) {
            long version = versions.size() + 1;
            versions.put(version, new Stored(version, artifact, ModelArtifacts.sha256(artifact), reference));
            return version;
        }
    }

    /** Points an alias at a version; a version holds one alias at most, as in the real registry. */
    public void setAlias(String alias, long version) {
        aliases.entrySet()
                .removeIf(
                        entry -> entry.getValue() == version && !entry.getKey().equals(alias));
        aliases.put(alias, version);
    }

    public String sha256(long version) {
        return versions.get(version).sha256();
    }

    /** From now on, the artifact endpoint of the version serves these bytes (with their own ETag) instead. */
    public void serveArtifactInstead(long version, byte[] other) {
        servedInstead.put(version, other);
    }

    public void serveTheRealArtifact(long version) {
        servedInstead.remove(version);
    }

    /** Answers every request with 503 (false), or normally again (true). */
    public void answer(boolean normally) {
        answering = normally;
    }

    /** Full downloads (200 with a body) of a version's artifact so far. */
    public int downloads(long version) {
        return downloads.computeIfAbsent(version, v -> new AtomicInteger()).get();
    }

    /** Requests of any kind answered so far. */
    public int requests() {
        return requests.get();
    }

    /** Stops listening: connections to its port are refused, as when the training service is down. */
    public void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void restart() {
        listen(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void listen(int onPort) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
            started.createContext("/api/v1/models/", this::handle);
            started.start();
            server = started;
            port = started.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("the fake training registry could not listen on port " + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (!answering) {
                problem(exchange, 503, "the training service is unavailable");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                problem(exchange, 405, "only GET");
                return;
            }
            if (path.equals("/api/v1/models/champion") || path.equals("/api/v1/models/challenger")) {
                String alias = path.substring(path.lastIndexOf('/') + 1);
                Long version = aliases.get(alias);
                if (version == null) {
                    problem(exchange, 404, "model " + modelName + " has no " + alias + " yet");
                } else {
                    json(exchange, 200, description(versions.get(version)));
                }
                return;
            }
            Matcher matcher = VERSION_PATH.matcher(path);
            Stored stored = matcher.matches() ? versions.get(Long.parseLong(matcher.group(1))) : null;
            if (stored == null) {
                problem(exchange, 404, "model " + modelName + " has no such version: " + path);
            } else if (matcher.group(2) == null) {
                json(exchange, 200, description(stored));
            } else if (matcher.group(2).equals("/reference")) {
                json(exchange, 200, stored.reference());
            } else {
                artifact(exchange, stored);
            }
        }
    }

    private void artifact(HttpExchange exchange, Stored stored) throws IOException {
        byte[] body = servedInstead.getOrDefault(stored.version(), stored.artifact());
        String etag = "\"" + ModelArtifacts.sha256(body) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        downloads.computeIfAbsent(stored.version(), v -> new AtomicInteger()).incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().add("X-Artifact-Format", ModelArtifacts.FORMAT);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The version JSON, with fields a client does not need, as the real service sends them. */
    private Map<String, Object> description(Stored stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelName", modelName);
        json.put("version", stored.version());
        json.put("algorithm", "random-forest");
        String alias = aliases.entrySet().stream()
                .filter(entry -> entry.getValue() == stored.version())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        json.put("status", alias == null ? "candidate" : alias);
        if (alias != null) {
            json.put("alias", alias);
        }
        json.put("featureSchema", FeatureSchema.VERSION);
        json.put("hyperParameters", Map.of("trees", 10, "maxDepth", 8));
        json.put("metrics", TestModels.METRICS);
        json.put("trainingStart", "2011-01-01T00:00:00");
        json.put("datasetVersion", "fixture");
        json.put("artifactSha256", stored.sha256());
        json.put("artifactBytes", stored.artifact().length);
        json.put("createdAt", "2026-12-01T10:00:00Z");
        return json;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> problem = Map.of("type", "about:blank", "status", status, "detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
