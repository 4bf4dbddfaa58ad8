package io.bikecast.registry.client;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.model.ModelArtifacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.NotFoundRestClientAdapterDecorator;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The training service's registry, as the services that serve or monitor its models use it: the version an alias
 * names, a version by number, a version's reference sample, and its artifact, checked before it is handed out. Every
 * failure to get an answer (the service down, a timeout, a 5xx) is a {@link RegistryUnavailableException} that names
 * the URL, the request, what went wrong and what to check; an artifact that is not the one expected is an {@link
 * ArtifactRefusedException}.
 */
public class TrainingRegistryClient {

    /**
     * The artifact formats a served model may come in: a forecaster (one model per lead) and the single forest stored
     * before forecasters existed; model-codec's {@code ForecasterArtifacts.read} reads both.
     */
    static final List<String> READABLE_FORMATS = List.of(ForecasterArtifacts.FORMAT, ModelArtifacts.FORMAT);

    private final RegistryApi api;
    private final URI baseUrl;
    private final @Nullable String model;

    /** A client of the training service's default model. */
    public TrainingRegistryClient(RegistryApi api, URI baseUrl) {
        this(api, baseUrl, null);
    }

    private TrainingRegistryClient(RegistryApi api, URI baseUrl, @Nullable String model) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    /**
     * The same registry, asking about one of the models the training service trains (a model family, {@code ?model=}
     * on every request) instead of its default one.
     */
    public TrainingRegistryClient forModel(String modelName) {
        return new TrainingRegistryClient(api, baseUrl, modelName);
    }

    /**
     * A client of the registry at {@code baseUrl}.
     *
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for a whole answer, an artifact's download included
     */
    public static TrainingRegistryClient create(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        RestClient rest = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
        RegistryApi api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .exchangeAdapterDecorator(NotFoundRestClientAdapterDecorator::new)
                .build()
                .createClient(RegistryApi.class);
        return new TrainingRegistryClient(api, baseUrl);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The version an alias ({@code champion} or {@code challenger}) points at, or empty when it is unset. */
    public Optional<ModelVersion> alias(String alias) {
        return call("GET /api/v1/models/" + alias + query(), () -> switch (alias) {
            case "champion" -> api.champion(model);
            case "challenger" -> api.challenger(model);
            default -> throw new IllegalArgumentException("no alias '" + alias + "': champion or challenger");
        });
    }

    /** A version by its number, or empty when the registry has no such version. */
    public Optional<ModelVersion> version(long version) {
        return call("GET /api/v1/models/" + version + query(), () -> api.version(version, model));
    }

    /** The version's reference sample. */
    public ReferenceSample reference(ModelVersion version) {
        String what = "GET /api/v1/models/" + version.version() + "/reference" + query();
        return call(what, () -> api.reference(version.version(), model))
                .orElseThrow(() -> new RegistryUnavailableException(
                        "the registry at " + baseUrl + " has no reference sample of " + describe(version) + " (" + what
                                + " answered 404): the version was deleted after the registry named it"));
    }

    /**
     * The version's artifact, verified: its SHA-256 must equal {@code expectedSha256} and the ETag it came with. With
     * {@code held}, an artifact already in hand whose checksum is {@code expectedSha256}, the registry is asked with
     * {@code If-None-Match} and a 304 hands {@code held} back without a download.
     *
     * @throws ArtifactRefusedException if the downloaded bytes are not the expected artifact
     */
    public byte[] artifact(ModelVersion version, String expectedSha256, byte @Nullable [] held) {
        String what = "GET /api/v1/models/" + version.version() + "/artifact" + query();
        String ifNoneMatch = held == null ? null : "\"" + expectedSha256 + "\"";
        ResponseEntity<byte[]> response = call(what, () -> api.artifact(version.version(), model, ifNoneMatch));
        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && held != null) {
            return held;
        }
        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND) || response.getBody() == null) {
            throw new RegistryUnavailableException("the registry at " + baseUrl + " has no artifact of "
                    + describe(version) + " (" + what + " answered " + response.getStatusCode() + ")");
        }
        byte[] artifact = response.getBody();
        String format = response.getHeaders().getFirst(RegistryApi.ARTIFACT_FORMAT_HEADER);
        if (format != null && !READABLE_FORMATS.contains(format)) {
            throw new ArtifactRefusedException("the artifact of " + describe(version) + " is in format " + format
                    + " but this service reads only " + String.join(" and ", READABLE_FORMATS) + "; refusing it");
        }
        String actual = ModelArtifacts.sha256(artifact);
        String etag = etag(response.getHeaders());
        if (etag != null && !etag.equalsIgnoreCase(actual)) {
            throw new ArtifactRefusedException("the artifact of " + describe(version) + " downloaded from " + baseUrl
                    + " has SHA-256 " + actual + " but came with ETag " + etag
                    + ": it was damaged on the way; refusing it");
        }
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new ArtifactRefusedException("the artifact of " + describe(version) + " downloaded from " + baseUrl
                    + " has SHA-256 " + actual + " but " + expectedSha256 + " was expected; refusing it");
        }
        return artifact;
    }

    private String query() {
        return model == null ? "" : "?model=" + model;
    }

    private static @Nullable String etag(HttpHeaders headers) {
        String etag = headers.getETag();
        if (etag == null) {
            return null;
        }
        String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
        return strong.replace("\"", "");
    }

    private <T> T call(String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (RestClientException e) {
            throw new RegistryUnavailableException(
                    "the training service's registry at " + baseUrl + " did not answer " + what + " (" + why(e)
                            + "); check that the training service is up and that the base URL is right",
                    e);
        }
    }

    /**
     * What went wrong, from the exception the HTTP client raised (e.g. {@code ConnectException}, {@code
     * HttpTimeoutException}), or the error answer itself: the wrapper's own message repeats the URL and, for a refused
     * connection, ends in {@code null}.
     */
    private static String why(RestClientException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    private static String describe(ModelVersion version) {
        return version.modelName() + " v" + version.version();
    }
}
