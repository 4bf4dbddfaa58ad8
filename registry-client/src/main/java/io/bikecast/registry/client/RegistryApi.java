package io.bikecast.registry.client;

import io.bikecast.common.registry.ReferenceSample;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The training service's registry API, read-only and unauthenticated. {@link TrainingRegistryClient} creates the proxy
 * with a not-found decorator, so a 404 (alias unset, version unknown) comes back as an empty {@link Optional} rather
 * than an exception. {@code model} names one of the models the training service trains (a model family); null asks
 * for its default model.
 */
@HttpExchange(url = "/api/v1/models", accept = MediaType.APPLICATION_JSON_VALUE)
public interface RegistryApi {

    /**
     * The response header naming the artifact's format: {@link io.bikecast.model.ForecasterArtifacts#FORMAT}, or
     * {@link io.bikecast.model.ModelArtifacts#FORMAT} for a version stored before forecasters existed.
     */
    String ARTIFACT_FORMAT_HEADER = "X-Artifact-Format";

    @GetExchange("/champion")
    Optional<ModelVersion> champion(@RequestParam(required = false) @Nullable String model);

    @GetExchange("/challenger")
    Optional<ModelVersion> challenger(@RequestParam(required = false) @Nullable String model);

    @GetExchange("/{version}")
    Optional<ModelVersion> version(@PathVariable long version, @RequestParam(required = false) @Nullable String model);

    /** The rows the version was trained on (a sample), with its predictions for them. */
    @GetExchange("/{version}/reference")
    Optional<ReferenceSample> reference(
            @PathVariable long version, @RequestParam(required = false) @Nullable String model);

    /**
     * The stored artifact, with {@code ETag: "<sha256 hex>"} and {@code X-Artifact-Format}. With {@code If-None-Match}
     * naming the artifact the caller already holds, the answer is 304 without a body.
     */
    @GetExchange(value = "/{version}/artifact", accept = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> artifact(
            @PathVariable long version,
            @RequestParam(required = false) @Nullable String model,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch);
}
