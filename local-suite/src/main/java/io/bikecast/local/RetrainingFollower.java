package io.bikecast.local;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Follows one retraining request of monitoring through the training service: finds the run it queued (by the
 * request's event id), follows {@code mergedInto} when it was merged into another run, and waits until that run has
 * finished.
 */
final class RetrainingFollower {

    private static final Set<String> FINISHED = Set.of("succeeded", "failed");
    private static final String MERGED = "merged";
    private static final String TRAINING = "training-service";

    private final SuiteApi api;
    private final Duration timeout;

    RetrainingFollower(SuiteApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    /** The finished run that served the request. */
    JsonNode finishedRunOf(String requestEventId) {
        String id = Polling.until(
                        "the training run of retraining request " + requestEventId,
                        timeout,
                        () -> runOfRequest(requestEventId),
                        "GET /api/v1/training-runs (requestEventId) and monitoring's GET /api/v1/clock")
                .path("id")
                .asString();
        while (true) {
            String path = "/api/v1/training-runs/" + id;
            JsonNode run = Polling.until(
                    "training run " + id + " to finish",
                    timeout,
                    () -> api.get(TRAINING, path),
                    candidate -> FINISHED.contains(status(candidate)) || MERGED.equals(status(candidate)),
                    "GET " + path);
            if (!MERGED.equals(status(run))) {
                return run;
            }
            id = run.path("mergedInto").asString();
        }
    }

    private static String status(JsonNode run) {
        return run.path("status").asString();
    }

    private Optional<JsonNode> runOfRequest(String requestEventId) {
        return api.get(TRAINING, "/api/v1/training-runs?size=50")
                .path("items")
                .valueStream()
                .filter(run -> requestEventId.equals(run.path("requestEventId").asString()))
                .findFirst();
    }
}
