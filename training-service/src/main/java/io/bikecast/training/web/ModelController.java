package io.bikecast.training.web;

import io.bikecast.model.ModelArtifacts;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.registry.AliasChange;
import io.bikecast.training.registry.ModelEvaluation;
import io.bikecast.training.registry.ModelEvaluationService;
import io.bikecast.training.registry.ModelLifecycleService;
import io.bikecast.training.registry.ModelRegistryReader;
import io.bikecast.training.registry.ModelVersionView;
import io.bikecast.training.registry.RegistryStore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The model registry: versions, the champion (now or at any past instant) and the challenger, artifacts and reference
 * samples for the services that serve them, evaluations on stored hours, and manual moves.
 */
@RestController
@RequestMapping("/api/v1/models")
public class ModelController {

    /** The header that names the artifact's format. */
    public static final String ARTIFACT_FORMAT_HEADER = "X-Artifact-Format";

    private final RegistryStore store;
    private final ModelLifecycleService lifecycle;
    private final ModelEvaluationService evaluations;
    private final String modelName;

    public ModelController(
            RegistryStore store,
            ModelLifecycleService lifecycle,
            ModelEvaluationService evaluations,
            TrainingProperties properties) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.evaluations = evaluations;
        this.modelName = properties.modelName();
    }

    @GetMapping
    public Page<ModelVersionView> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Requests.check(Requests.page(page, size, 200));
        return new Page<>(store.list(modelName, status, page, size), page, size, store.count(modelName, status));
    }

    /**
     * The champion now, or with {@code ?at=2026-11-29T12:00:00Z} the version that was champion at that instant (from
     * the alias history).
     */
    @GetMapping("/champion")
    public ModelVersionView champion(@RequestParam(required = false) Instant at) {
        Long version = at == null
                ? store.aliasVersion(modelName, ModelRegistryReader.CHAMPION).orElse(null)
                : store.aliasAt(modelName, ModelRegistryReader.CHAMPION, at)
                        .map(AliasChange::version)
                        .orElse(null);
        if (version == null) {
            throw ProblemException.notFound(
                    "model " + modelName + " had no champion" + (at == null ? " yet" : " at " + at));
        }
        return find(version);
    }

    /** The challenger now; 404 when there is none. */
    @GetMapping("/challenger")
    public ModelVersionView challenger() {
        return find(store.aliasVersion(modelName, ModelRegistryReader.CHALLENGER)
                .orElseThrow(() -> ProblemException.notFound("model " + modelName + " has no challenger")));
    }

    /** Every alias move, newest first; {@code ?alias=champion} for one alias. */
    @GetMapping("/aliases/history")
    public Page<AliasChange> history(
            @RequestParam(required = false) String alias,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Requests.check(Requests.page(page, size, 500));
        List<AliasChange> changes = store.history(modelName, alias, page, size);
        return new Page<>(changes, page, size, -1);
    }

    @GetMapping("/{version}")
    public ModelVersionView version(@PathVariable long version) {
        return find(version);
    }

    /**
     * The version's stored artifact (gzip Tribuo protobuf), for a client that serves it: {@code ETag} is the quoted
     * SHA-256 of the bytes, which the client should verify; with a matching {@code If-None-Match} the answer is 304
     * and the artifact is not even read.
     */
    @GetMapping(value = "/{version}/artifact", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> artifact(@PathVariable long version, WebRequest request) {
        String sha256 = store.artifactSha256(modelName, version)
                .orElseThrow(() -> ProblemException.notFound("model " + modelName + " has no version " + version));
        String etag = "\"" + sha256 + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(ARTIFACT_FORMAT_HEADER, ModelArtifacts.FORMAT)
                    .build();
        }
        byte[] artifact = store.artifact(modelName, version)
                .orElseThrow(() -> ProblemException.notFound("model " + modelName + " has no version " + version));
        return ResponseEntity.ok()
                .eTag(etag)
                .header(ARTIFACT_FORMAT_HEADER, ModelArtifacts.FORMAT)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(artifact);
    }

    /**
     * Scores the version on the stored hours of the training series from {@code from} (inclusive) to {@code to}
     * (exclusive), local hours; needs the API key.
     */
    @PostMapping("/{version}/evaluation")
    public ModelEvaluation evaluation(@PathVariable long version, @RequestBody EvaluationRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        if (request.from() == null) {
            errors.add(new InvalidField("from", "is required: the first local hour, e.g. 2012-09-01T00:00", null));
        }
        if (request.to() == null) {
            errors.add(new InvalidField("to", "is required: the end (exclusive), e.g. 2013-01-01T00:00", null));
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            errors.add(new InvalidField("to", "must be after from (" + request.from() + ")", request.to()));
        }
        Requests.check(errors);
        return evaluations.evaluate(modelName, version, request.from(), request.to());
    }

    /**
     * The version's reference sample: {@code {"features": {name: [...]}, "predictions": [...], "hours": [...]}}, the
     * hours aligned with the rows (empty for versions registered before hours were recorded).
     */
    @GetMapping(value = "/{version}/reference", produces = MediaType.APPLICATION_JSON_VALUE)
    public String reference(@PathVariable long version) {
        return store.referenceSampleJson(modelName, version)
                .orElseThrow(() -> ProblemException.notFound("model " + modelName + " has no version " + version));
    }

    /** Points an alias (champion by default) at a version; needs the API key and a reason. */
    @PostMapping("/{version}/promote")
    public ModelVersionView promote(@PathVariable long version, @RequestBody PromoteRequest request) {
        String alias = request.alias() == null ? ModelRegistryReader.CHAMPION : request.alias();
        List<InvalidField> errors = new ArrayList<>(Requests.reason(request.reason()));
        if (!alias.equals(ModelRegistryReader.CHAMPION) && !alias.equals(ModelRegistryReader.CHALLENGER)) {
            errors.add(new InvalidField("alias", "must be champion or challenger", alias));
        }
        Requests.check(errors);
        return lifecycle.promote(modelName, version, alias, request.reason());
    }

    /** Returns the champion alias to the previous champion; needs the API key and a reason. */
    @PostMapping("/rollback")
    public ModelVersionView rollback(@RequestBody RollbackRequest request) {
        Requests.check(Requests.reason(request.reason()));
        return lifecycle.rollback(modelName, request.reason());
    }

    private ModelVersionView find(long version) {
        return store.find(modelName, version)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "model " + modelName + " has no version " + version,
                        List.of(new InvalidField("version", "no such version", version)),
                        Map.of()));
    }

    /**
     * @param reason why, recorded in the alias history and the event
     * @param alias {@code champion} (default) or {@code challenger}
     */
    public record PromoteRequest(String reason, String alias) {}

    /** @param reason why, recorded in the alias history and the event */
    public record RollbackRequest(String reason) {}

    /**
     * @param from the first local hour to score (inclusive), e.g. {@code 2012-09-01T00:00}
     * @param to the end of the range (exclusive), after {@code from}
     */
    public record EvaluationRequest(LocalDateTime from, LocalDateTime to) {}
}
