package io.bikecast.training.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.training.api.ModelNames;
import io.bikecast.training.api.Page;
import io.bikecast.training.api.RequestFields;
import io.bikecast.training.config.ModelFamily;
import io.bikecast.training.config.TrainingProperties;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requests training runs and shows them. */
@RestController
@RequestMapping("/api/v1/training-runs")
class TrainingRunController {

    private static final List<String> STATUSES = List.of(
            TrainingRun.QUEUED, TrainingRun.RUNNING, TrainingRun.SUCCEEDED, TrainingRun.FAILED, TrainingRun.MERGED);

    private final TrainingRunService service;
    private final TrainingRunRepository runs;
    private final TrainingProperties properties;

    TrainingRunController(TrainingRunService service, TrainingRunRepository runs, TrainingProperties properties) {
        this.service = service;
        this.runs = runs;
        this.properties = properties;
    }

    private List<String> names() {
        return properties.models().stream().map(ModelFamily::modelName).toList();
    }

    /** Queues a run (202); it starts when no other run of the model is going, merged with equal waiting requests. */
    @PostMapping
    ResponseEntity<TrainingRun> request(@RequestBody(required = false) TrainingRunRequest body) {
        String reason = body == null ? null : body.reason();
        RequestFields.check(RequestFields.reasonLength(reason));
        RunOverrides overrides = body == null || body.parameters() == null ? RunOverrides.NONE : body.parameters();
        String model = body == null ? null : body.model();
        Optional<ModelFamily> family = properties.model(model);
        if (family.isEmpty()) {
            RequestFields.check(
                    "unknown model",
                    List.of(new InvalidField(
                            "model", "must be one of the models this service trains: " + names(), model)));
        }
        UUID id = service.requestByApi(
                family.orElseThrow().modelName(),
                reason == null || reason.isBlank() ? "manual request" : reason,
                overrides);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/training-runs/" + id))
                .body(runs.find(id).orElseThrow());
    }

    /**
     * Runs, newest first; {@code ?status=queued,running} keeps the runs of any of the listed statuses (a comma-separated
     * list, e.g. what a driver waits on).
     */
    @GetMapping
    Page<TrainingRun> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String model,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        RequestFields.check(RequestFields.page(page, size, 200));
        Set<String> statuses = statuses(status);
        String modelName = new ModelNames(properties).modelName(model);
        return new Page<>(runs.page(modelName, statuses, page, size), page, size, runs.count(modelName, statuses));
    }

    private static Set<String> statuses(String status) {
        Set<String> statuses = new LinkedHashSet<>();
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String part : status.split(",")) {
            String trimmed = part.trim();
            if (!STATUSES.contains(trimmed)) {
                RequestFields.check(
                        "unknown status",
                        List.of(new InvalidField(
                                "status", "each comma-separated status must be one of " + STATUSES, trimmed)));
            }
            statuses.add(trimmed);
        }
        return statuses;
    }

    /** One run with its provenance and the requests merged into it. */
    @GetMapping("/{id}")
    RunDetail get(@PathVariable UUID id) {
        TrainingRun run = runs.find(id).orElseThrow(() -> new RunNotFoundException(id));
        return new RunDetail(run, runs.mergedInto(id));
    }

    /** A run and the ids of the requests it served besides its own. */
    record RunDetail(@JsonUnwrapped TrainingRun run, List<UUID> mergedRequests) {}
}
