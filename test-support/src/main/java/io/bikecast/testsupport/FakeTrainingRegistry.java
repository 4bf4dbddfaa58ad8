package io.bikecast.testsupport;

import com.sun.net.httpserver.HttpExchange;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.Forecaster;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.ModelArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training service's registry API as its {@code ModelController} answers it, on 127.0.0.1, for the tests of the
 * services that read it over HTTP (prediction, monitoring): {@code GET /api/v1/models/champion}, {@code /challenger},
 * {@code /{version}}, {@code /{version}/reference} and {@code /{version}/artifact} (the quoted SHA-256 as ETag and
 * {@code X-Artifact-Format}, 304 on a matching {@code If-None-Match}; a forecaster or a legacy single forest), and 404 problems for an unset alias or an
 * unknown version. A test registers versions and moves aliases here instead of writing the training service's tables,
 * which no other service may read.
 *
 * <p>It can also stop answering (503), go away entirely and come back on the same port, or serve a different artifact
 * than the one it describes: the outages and damage the services must survive.
 */
public final class FakeTrainingRegistry extends LoopbackHttpFake {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSION_PATH = Pattern.compile("/api/v1/models/(\\d+)(/reference|/artifact)?");
    private static final LocalDateTime TRAINING_START = LocalDateTime.of(2011, 1, 1, 0, 0);

    /**
     * One registered version.
     *
     * @param format its {@code X-Artifact-Format}: {@link ForecasterArtifacts#FORMAT} or the legacy {@link
     *     ModelArtifacts#FORMAT}
     */
    private record Stored(
            long version,
            byte[] artifact,
            String sha256,
            ReferenceSample reference,
            ModelMetrics metrics,
            String format,
            String algorithm) {}

    private final Map<Long, Stored> versions = new ConcurrentHashMap<>();
    private final Map<String, Long> aliases = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> servedInstead = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final String modelName;
    private final Map<String, FakeTrainingRegistry> families = new ConcurrentHashMap<>();
    private volatile boolean answering = true;

    private FakeTrainingRegistry(String modelName) {
        super("/api/v1/models/", "the fake training registry");
        this.modelName = modelName;
    }

    /** A registry of the model (the training service serves one), started on a free port. */
    public static FakeTrainingRegistry start(String modelName) {
        FakeTrainingRegistry registry = new FakeTrainingRegistry(modelName);
        registry.listen();
        return registry;
    }

    /**
     * The registry of another model of the same training service, a model family: answered at this registry's address
     * when a request names it ({@code ?model=}), as the training service answers for each model it trains. Created
     * empty on first use; register its versions and set its aliases on what this returns.
     */
    public FakeTrainingRegistry family(String familyModelName) {
        return families.computeIfAbsent(familyModelName, FakeTrainingRegistry::new);
    }

    /** Points a service's registry base-URL property (e.g. {@code bikecast.monitoring.registry.base-url}) here. */
    public void configure(DynamicPropertyRegistry properties, String baseUrlProperty) {
        properties.add(baseUrlProperty, this::baseUrl);
    }

    /** Registers a forest as the next version, and returns the version. */
    public long register(Model<Regressor> model, ReferenceSample reference, ModelMetrics metrics) {
        return register(ModelArtifacts.write(model), reference, metrics);
    }

    /**
     * Registers a forecaster (one model per lead) as the next version, as the training service stores it ({@link
     * ForecasterArtifacts}), and returns the version.
     */
    public long register(Forecaster forecaster, ReferenceSample reference, ModelMetrics metrics) {
        return register(
                ForecasterArtifacts.write(forecaster),
                ForecasterArtifacts.FORMAT,
                forecaster.algorithm(),
                reference,
                metrics);
    }

    /**
     * Registers a stored artifact in the format versions had before forecasters existed (a single gzip forest) as the
     * next version, with its reference sample and holdout metrics.
     */
    public long register(byte[] artifact, ReferenceSample reference, ModelMetrics metrics) {
        return register(artifact, ModelArtifacts.FORMAT, "random-forest", reference, metrics);
    }

    private long register(
            byte[] artifact, String format, String algorithm, ReferenceSample reference, ModelMetrics metrics) {
        synchronized (versions) {
            long version = versions.size() + 1;
            versions.put(
                    version,
                    new Stored(
                            version, artifact, ModelArtifacts.sha256(artifact), reference, metrics, format, algorithm));
            return version;
        }
    }

    /**
     * Points an alias ({@code champion} or {@code challenger}) at a version. A version holds one alias at most, as in
     * the real registry: if it held the other one, that alias is cleared.
     */
    public void setAlias(String alias, long version) {
        if (!versions.containsKey(version)) {
            throw new IllegalArgumentException("no version " + version + " is registered");
        }
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

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String model = query(exchange.getRequestURI().getRawQuery()).get("model");
            if (model == null || model.equals(modelName)) {
                respond(exchange);
            } else if (families.containsKey(model)) {
                families.get(model).respond(exchange);
            } else {
                problem(exchange, 404, "This service trains no model '" + model + "'; it trains " + modelName);
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
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
                json(exchange, description(versions.get(version)));
            }
            return;
        }
        Matcher matcher = VERSION_PATH.matcher(path);
        Stored stored = matcher.matches() ? versions.get(Long.parseLong(matcher.group(1))) : null;
        if (stored == null) {
            problem(exchange, 404, "model " + modelName + " has no such version: " + path);
        } else if (matcher.group(2) == null) {
            json(exchange, description(stored));
        } else if (matcher.group(2).equals("/reference")) {
            json(exchange, stored.reference());
        } else {
            artifact(exchange, stored);
        }
    }

    /** As the training service: ETag and format on 200 and on 304 alike, the body only on 200. */
    private void artifact(HttpExchange exchange, Stored stored) throws IOException {
        byte[] body = servedInstead.getOrDefault(stored.version(), stored.artifact());
        String etag = "\"" + ModelArtifacts.sha256(body) + "\"";
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("X-Artifact-Format", stored.format());
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        downloads.computeIfAbsent(stored.version(), v -> new AtomicInteger()).incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /**
     * The version as the training service's {@code ModelVersionView} describes it, with the fields a client does not
     * need (hyper-parameters, windows, run id), so that a client that reads too much or too little shows here.
     */
    private Map<String, Object> description(Stored stored) {
        String alias = aliases.entrySet().stream()
                .filter(entry -> entry.getValue() == stored.version())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelName", modelName);
        json.put("version", stored.version());
        json.put("algorithm", stored.algorithm());
        json.put("status", alias == null ? "candidate" : alias);
        if (alias != null) {
            json.put("alias", alias);
        }
        json.put("featureSchema", FeatureSchema.VERSION);
        json.put("hyperParameters", Map.of("trees", 10, "maxDepth", 8));
        json.put("metrics", stored.metrics());
        json.put("trainingStart", TRAINING_START.toString());
        json.put("trainingEnd", TRAINING_START.plusMonths(10).toString());
        json.put("holdoutStart", TRAINING_START.plusMonths(10).toString());
        json.put("holdoutEnd", TRAINING_START.plusMonths(12).toString());
        json.put("datasetVersion", "fixture");
        json.put("artifactSha256", stored.sha256());
        json.put("artifactBytes", stored.artifact().length);
        json.put("artifactRawBytes", stored.artifact().length);
        json.put(
                "runId",
                UUID.nameUUIDFromBytes(stored.sha256().getBytes(StandardCharsets.UTF_8))
                        .toString());
        json.put("createdAt", "2026-12-01T10:00:00Z");
        return json;
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
    }

    /** An RFC 9457 problem, as the platform's handler writes it. */
    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == 404 ? "Not Found" : "Error");
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
