package io.bikecast.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Every RFC 9457 problem type a bikecast service answers with: the one place where they are defined, so that a client
 * can tell problems apart by {@code type} rather than by parsing prose, and docs/architecture.md ("Errors") lists the
 * same set. Each type has a URI under {@link #BASE}, the title every problem of the type carries, and the status it is
 * usually answered with.
 *
 * <p>The first group is generic and used by every service; {@link #forStatus} maps a status to it when a problem has
 * no more specific type. The others name what went wrong in one service's domain.
 */
public enum ProblemType {
    /** A field, parameter or body is invalid or unreadable; {@code errors} names each offending field. */
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    /** A mutating endpoint was called without the right {@code X-API-Key}. */
    UNAUTHORIZED("unauthorized", "Missing or invalid API key", HttpStatus.UNAUTHORIZED),
    /** The resource does not exist. */
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    /** The request contradicts the resource's current state. */
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    /** The request body is larger than the service accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
    /** The request is well-formed but cannot be carried out on the data at hand. */
    UNPROCESSABLE("unprocessable", "Unprocessable request", HttpStatus.UNPROCESSABLE_CONTENT),
    /** Something the service did not expect went wrong; the detail carries the id it was logged under, nothing more. */
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    /** A dependency the request needs (the database) is down; retry after {@code Retry-After} seconds. */
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),

    /** prediction-service: no champion is loaded, so there is no honest answer. */
    NO_CHAMPION("no-champion", "No champion model", HttpStatus.SERVICE_UNAVAILABLE),

    /** ingest-service: the CSV is empty, without even a header. */
    EMPTY_BODY("empty-body", "Empty CSV", HttpStatus.BAD_REQUEST),
    /** ingest-service: the CSV has a header but no rows, or a JSON batch has no observations. */
    NO_ROWS("no-rows", "No rows", HttpStatus.BAD_REQUEST),
    /** ingest-service: the content is not CSV, or its header lacks required columns (named in {@code errors}). */
    NOT_CSV("not-csv", "Not a UCI hour.csv file", HttpStatus.BAD_REQUEST),
    /** ingest-service: the content is not UTF-8 (400), or is declared in another charset (415). */
    WRONG_ENCODING("wrong-encoding", "Wrong encoding", HttpStatus.BAD_REQUEST),
    /** ingest-service: a batch holds more rows than {@code max-rows}. */
    TOO_MANY_ROWS("too-many-rows", "Too many rows", HttpStatus.CONTENT_TOO_LARGE),
    /** ingest-service: more contract violations than {@code max-rejections}; nothing was stored. */
    TOO_MANY_REJECTIONS("too-many-rejections", "Too many rejected rows", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a strict batch has a row that breaks the data contract; nothing was stored. */
    STRICT_REJECTED("strict-rejected", "Batch rejected", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a referenced file or URL is larger than {@code max-upload-size}. */
    SOURCE_TOO_LARGE("source-too-large", "Source too large", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a zip inflates past its limit or has too many entries. */
    ZIP_BOMB("zip-bomb", "Archive refused", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a zip cannot be read. */
    BAD_ZIP("bad-zip", "Broken zip", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a zip has no {@code hour.csv}. */
    NO_HOUR_CSV("no-hour-csv", "No hour.csv in the zip", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a path leaves the data directory. */
    PATH_OUTSIDE_DATA_DIRECTORY(
            "path-outside-data-directory", "Path outside the data directory", HttpStatus.BAD_REQUEST),
    /** ingest-service: no such file in the data directory. */
    FILE_NOT_FOUND("file-not-found", "File not found", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a file, URL or archive failed while it was read. */
    SOURCE_UNREADABLE("source-unreadable", "Source unreadable", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a URL that is not http(s), carries credentials, or names a host that is not allowed. */
    INVALID_URL("invalid-url", "Invalid source URL", HttpStatus.BAD_REQUEST),
    /** ingest-service: a URL that did not answer, or stopped sending, within the timeouts. */
    URL_TIMEOUT("url-timeout", "Source timed out", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a URL that answered with a status other than 2xx. */
    URL_STATUS("url-status", "Source URL failed", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: a URL that cannot be reached. */
    URL_UNREACHABLE("url-unreachable", "Source URL unreachable", HttpStatus.UNPROCESSABLE_CONTENT),
    /** ingest-service: {@code replay.max-running} replays are running already. */
    TOO_MANY_REPLAYS("too-many-replays", "Too many replays", HttpStatus.CONFLICT);

    /** Where every type URI starts. */
    public static final String BASE = "https://bikecast.io/problems/";

    private static final List<ProblemType> GENERIC = List.of(
            INVALID_REQUEST,
            UNAUTHORIZED,
            NOT_FOUND,
            CONFLICT,
            PAYLOAD_TOO_LARGE,
            UNPROCESSABLE,
            INTERNAL_ERROR,
            UNAVAILABLE);

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final URI uri;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.uri = URI.create(BASE + slug);
    }

    /** The last segment of the URI, e.g. {@code invalid-request}. */
    public String slug() {
        return slug;
    }

    /** The problem's {@code type}, e.g. {@code https://bikecast.io/problems/invalid-request}. */
    public URI uri() {
        return uri;
    }

    /** The {@code title} every problem of this type carries. */
    public String title() {
        return title;
    }

    /** The status a problem of this type is answered with unless its occurrence says otherwise. */
    public HttpStatus status() {
        return status;
    }

    /**
     * The generic type of a status (400 {@link #INVALID_REQUEST}, 401, 404, 409, 413, 422, 500, 503), for problems that have no
     * type of their own; empty for any other status, whose problems keep {@code about:blank} (RFC 9457: the status
     * says all there is).
     */
    public static Optional<ProblemType> forStatus(HttpStatusCode status) {
        return GENERIC.stream()
                .filter(type -> type.status.value() == status.value())
                .findFirst();
    }
}
