package io.bikecast.training.registry;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.training.api.ModelNames;
import io.bikecast.training.api.Page;
import io.bikecast.training.api.RequestFields;
import io.bikecast.training.config.TrainingProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * samples for the services that serve them, and manual moves.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

    /** The header that names the artifact's format. */
    private static final String ARTIFACT_FORMAT_HEADER = "X-Artifact-Format";

    private final RegistryStore store;
    private final ModelLifecycleService lifecycle;
    private final ModelNames names;

    ModelController(RegistryStore store, ModelLifecycleService lifecycle, TrainingProperties properties) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.names = new ModelNames(properties);
    }

    @GetMapping
    Page<ModelVersionView> list(
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        String modelName = names.modelName(model);
        RequestFields.check(RequestFields.page(page, size, 200));
        return new Page<>(store.list(modelName, status, page, size), page, size, store.count(modelName, status));
    }

    /**
     * The champion now, or with {@code ?at=2026-11-29T12:00:00Z} the version that was champion at that instant (from
     * the alias history).
     */
    @GetMapping("/champion")
    ModelVersionView champion(
            @RequestParam(required = false) String model, @RequestParam(required = false) Instant at) {
        String modelName = names.modelName(model);
        if (at == null) {
            return find(
                    modelName,
                    store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                            .orElseThrow(() -> AliasNotFoundException.noChampion(modelName)));
        }
        return find(
                modelName,
                store.aliasAt(modelName, ModelRegistryReader.CHAMPION, at)
                        .map(AliasChange::version)
                        .orElseThrow(() -> AliasNotFoundException.noChampionAt(modelName, at)));
    }

    /** The challenger now; 404 when there is none. */
    @GetMapping("/challenger")
    ModelVersionView challenger(@RequestParam(required = false) String model) {
        String modelName = names.modelName(model);
        return find(
                modelName,
                store.aliasVersion(modelName, ModelRegistryReader.CHALLENGER)
                        .orElseThrow(() -> AliasNotFoundException.noChallenger(modelName)));
    }

    /**
     * The models this service trains, the default one first, each with the series it learns from: {@code system}, or
     * a prefix such as {@code citibike-*} for a family over every station of a system. Every endpoint here takes
     * {@code ?model=} to address one of them; without it, the default model.
     */
    @GetMapping("/families")
    List<Family> families() {
        return names.models().stream()
                .map(model -> new Family(model.modelName(), model.series().toString()))
                .toList();
    }

    /** A model this service trains, and the series it learns from. */
    record Family(String modelName, String series) {}

    /** Every alias move, newest first; {@code ?alias=champion} for one alias. */
    @GetMapping("/aliases/history")
    Page<AliasChange> history(
            @RequestParam(required = false) String model,
            @RequestParam(required = false) String alias,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String modelName = names.modelName(model);
        RequestFields.check(RequestFields.page(page, size, 500));
        List<AliasChange> changes = store.history(modelName, alias, page, size);
        return new Page<>(changes, page, size, -1);
    }

    @GetMapping("/{version}")
    ModelVersionView version(@PathVariable long version, @RequestParam(required = false) String model) {
        return find(names.modelName(model), version);
    }

    /**
     * The version's stored artifact, for a client that serves it: {@code X-Artifact-Format} names the stored version's
     * format (a forecaster's zip, or the gzip Tribuo protobuf of a single forest stored before forecasters), {@code
     * ETag} is the quoted SHA-256 of the bytes, which the client should verify; with a matching {@code If-None-Match} the answer is 304
     * and the artifact is not even read.
     */
    @GetMapping(value = "/{version}/artifact", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> artifact(
            @PathVariable long version, @RequestParam(required = false) String model, WebRequest request) {
        String modelName = names.modelName(model);
        String sha256 = store.artifactSha256(modelName, version).orElseThrow(() -> notFound(modelName, version));
        String etag = "\"" + sha256 + "\"";
        String format = store.artifactFormat(modelName, version).orElseThrow(() -> notFound(modelName, version));
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(ARTIFACT_FORMAT_HEADER, format)
                    .build();
        }
        byte[] artifact = store.artifact(modelName, version).orElseThrow(() -> notFound(modelName, version));
        return ResponseEntity.ok()
                .eTag(etag)
                .header(ARTIFACT_FORMAT_HEADER, format)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(artifact);
    }

    /**
     * The version's reference sample: {@code {"features": {name: [...]}, "predictions": [...], "hours": [...]}}, the
     * hours aligned with the rows (empty for versions registered before hours were recorded).
     */
    @GetMapping(value = "/{version}/reference", produces = MediaType.APPLICATION_JSON_VALUE)
    String reference(@PathVariable long version, @RequestParam(required = false) String model) {
        String modelName = names.modelName(model);
        return store.referenceSampleJson(modelName, version).orElseThrow(() -> notFound(modelName, version));
    }

    /** Points an alias (champion by default) at a version; needs the API key and a reason. */
    @PostMapping("/{version}/promote")
    ModelVersionView promote(
            @PathVariable long version,
            @RequestParam(required = false) String model,
            @RequestBody PromoteRequest request) {
        String modelName = names.modelName(model);
        String alias = request.alias() == null ? ModelRegistryReader.CHAMPION : request.alias();
        List<InvalidField> errors = new ArrayList<>(RequestFields.reason(request.reason()));
        if (!alias.equals(ModelRegistryReader.CHAMPION) && !alias.equals(ModelRegistryReader.CHALLENGER)) {
            errors.add(new InvalidField("alias", "must be champion or challenger", alias));
        }
        RequestFields.check(errors);
        return lifecycle.promote(modelName, version, alias, request.reason());
    }

    /** Returns the champion alias to the previous champion; needs the API key and a reason. */
    @PostMapping("/rollback")
    ModelVersionView rollback(@RequestParam(required = false) String model, @RequestBody RollbackRequest request) {
        String modelName = names.modelName(model);
        RequestFields.check(RequestFields.reason(request.reason()));
        return lifecycle.rollback(modelName, request.reason());
    }

    private ModelVersionView find(String modelName, long version) {
        return store.find(modelName, version).orElseThrow(() -> notFound(modelName, version));
    }

    private static VersionNotFoundException notFound(String modelName, long version) {
        return new VersionNotFoundException(modelName, version);
    }

    /**
     * @param reason why, recorded in the alias history and the event
     * @param alias {@code champion} (default) or {@code challenger}
     */
    record PromoteRequest(String reason, String alias) {}

    /** @param reason why, recorded in the alias history and the event */
    record RollbackRequest(String reason) {}
}
