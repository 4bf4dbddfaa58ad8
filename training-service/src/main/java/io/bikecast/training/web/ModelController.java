package io.bikecast.training.web;

import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.registry.AliasChange;
import io.bikecast.training.registry.ModelLifecycleService;
import io.bikecast.training.registry.ModelVersionView;
import io.bikecast.training.registry.RegistryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The model registry: versions, the champion (now or at any past instant), reference samples, and manual moves. */
@RestController
@RequestMapping("/api/v1/models")
public class ModelController {

    private final RegistryStore store;
    private final ModelLifecycleService lifecycle;
    private final String modelName;

    public ModelController(RegistryStore store, ModelLifecycleService lifecycle, TrainingProperties properties) {
        this.store = store;
        this.lifecycle = lifecycle;
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

    /** The version's reference sample: {@code {"features": {name: [...]}, "predictions": [...]}}. */
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
                        org.springframework.http.HttpStatus.NOT_FOUND,
                        "Not found",
                        "model " + modelName + " has no version " + version,
                        List.of(new InvalidField("version", "no such version", version)),
                        java.util.Map.of()));
    }

    /**
     * @param reason why, recorded in the alias history and the event
     * @param alias {@code champion} (default) or {@code challenger}
     */
    public record PromoteRequest(String reason, String alias) {}

    /** @param reason why, recorded in the alias history and the event */
    public record RollbackRequest(String reason) {}
}
