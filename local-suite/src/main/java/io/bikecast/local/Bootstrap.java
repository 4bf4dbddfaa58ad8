package io.bikecast.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a fresh suite to a useful state, as a user would through the APIs: if the registry has no champion yet, it
 * ingests the UCI data set (the local copy when there is one, else the official download), asks for a training run,
 * and waits until the first model is promoted. A suite that already has a champion is left as it is.
 */
final class Bootstrap {

    /** The UCI archive's official address; ingest reads {@code hour.csv} out of it. */
    static final String UCI_ZIP = "https://archive.ics.uci.edu/static/public/275/bike+sharing+dataset.zip";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSuite suite;
    private final String apiKey;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Bootstrap(RunningSuite suite, String apiKey, PrintStream out) {
        this.suite = suite;
        this.apiKey = apiKey;
        this.out = out;
    }

    /**
     * @param uciHourCsv the UCI hourly file, whose folder the ingest service was given as its data directory; empty to
     *     download the official archive instead
     * @return the version of the champion, new or found
     */
    long ensureChampion(Optional<Path> uciHourCsv, Duration timeout) throws IOException, InterruptedException {
        Optional<Long> existing = championVersion();
        if (existing.isPresent()) {
            out.println("bikecast: the registry already has champion v" + existing.get() + "; nothing to bootstrap.");
            return existing.get();
        }
        // By its own name: the folder may hold other files, even another hour.csv.
        String source = uciHourCsv
                .map(file -> JSON.createObjectNode()
                        .put("path", file.getFileName().toString())
                        .toString())
                .orElse(JSON.createObjectNode().put("url", UCI_ZIP).toString());
        out.println("bikecast: first start. Ingesting the UCI data set from "
                + uciHourCsv.map(Path::toString).orElse(UCI_ZIP) + " ...");
        JsonNode batch = post(suite.baseUrl("ingest-service") + "/api/v1/ingest/uci", source, 201);
        out.printf(
                "bikecast: %d hours ingested (%d rejected). Training the first model ...%n",
                batch.path("rowsAccepted").asInt(), batch.path("rowsRejected").asInt());
        String run = post(
                        suite.baseUrl("training-service") + "/api/v1/training-runs",
                        "{\"reason\": \"bootstrap of the local suite\"}",
                        202)
                .path("id")
                .asString();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            failFastIfNoChampionCanCome(run);
            Optional<Long> champion = championVersion();
            if (champion.isPresent()
                    && servedVersion().filter(champion.get()::equals).isPresent()) {
                out.println("bikecast: model v" + champion.get() + " trained, promoted and served.");
                return champion.get();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no champion was promoted and served within " + timeout + "; see GET "
                + suite.baseUrl("training-service") + "/api/v1/training-runs");
    }

    /**
     * A run that failed, or that registered a version without making it champion, will not promote anything however
     * long one waits: says what the run said instead of waiting out the timeout.
     */
    private void failFastIfNoChampionCanCome(String runId) throws IOException, InterruptedException {
        String url = suite.baseUrl("training-service") + "/api/v1/training-runs/" + runId;
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) {
            return;
        }
        JsonNode run = JSON.readTree(response.body());
        String status = run.path("status").asString();
        if (status.equals("failed")) {
            throw new IllegalStateException(
                    "the first training run failed: " + run.path("error").asString() + " (GET " + url + ")");
        }
        String outcome = run.path("decision").path("outcome").asString();
        if (status.equals("succeeded") && !outcome.isEmpty() && !outcome.equals("champion")) {
            throw new IllegalStateException("the first training run registered v"
                    + run.path("modelVersion").asLong() + " as " + outcome + ", not champion: "
                    + run.path("decision").path("reasons") + " (GET " + url + ")");
        }
    }

    private Optional<Long> championVersion() throws IOException, InterruptedException {
        HttpResponse<String> response = get(suite.baseUrl("training-service") + "/api/v1/models/champion");
        return response.statusCode() == 200
                ? Optional.of(JSON.readTree(response.body()).path("version").asLong())
                : Optional.empty();
    }

    private Optional<Long> servedVersion() throws IOException, InterruptedException {
        JsonNode champion = JSON.readTree(get(suite.baseUrl("prediction-service") + "/api/v1/models/active")
                        .body())
                .path("champion");
        return champion.isMissingNode() || champion.isNull()
                ? Optional.empty()
                : Optional.of(champion.path("version").asLong());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String url, String json, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
