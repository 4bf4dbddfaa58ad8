package io.bikecast.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a service reports to its client as an RFC 9457 problem: thrown from a controller (or a service's own
 * advice), answered by {@link ProblemDetailsAdvice}. Its {@code type} is a {@link ProblemType}; extra members (such as
 * a batch id) go into {@code properties}, never a substitute for the type.
 */
public class ProblemException extends RuntimeException {

    private final @Nullable ProblemType type;
    private final HttpStatus status;
    private final String title;
    private final List<InvalidField> errors;
    private final Map<String, Object> properties;

    /** A problem of the given type, with its status and title. */
    public ProblemException(ProblemType type, String detail) {
        this(type, type.status(), detail, List.of(), Map.of());
    }

    /** A problem of the given type, with its status and title, the offending fields and extra members. */
    public ProblemException(
            ProblemType type, String detail, List<InvalidField> errors, Map<String, Object> properties) {
        this(type, type.status(), detail, errors, properties);
    }

    /** A problem of the given type answered with another status than the type's usual one (a 415 wrong encoding). */
    public ProblemException(
            ProblemType type,
            HttpStatus status,
            String detail,
            List<InvalidField> errors,
            Map<String, Object> properties) {
        this(type, status, type.title(), detail, errors, properties);
    }

    /**
     * A problem with no type of its own: its type is the generic one of its status ({@link ProblemType#forStatus},
     * {@code about:blank} if there is none), and the title says what happened.
     */
    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    /** As {@link #ProblemException(HttpStatus, String, String)}, with the offending fields and extra members. */
    public ProblemException(
            HttpStatus status, String title, String detail, List<InvalidField> errors, Map<String, Object> properties) {
        this(ProblemType.forStatus(status).orElse(null), status, title, detail, errors, properties);
    }

    private ProblemException(
            @Nullable ProblemType type,
            HttpStatus status,
            String title,
            String detail,
            List<InvalidField> errors,
            Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    /** 400 {@link ProblemType#INVALID_REQUEST}, naming each offending field. */
    public static ProblemException badRequest(String detail, List<InvalidField> errors) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors, Map.of());
    }

    /** 404 {@link ProblemType#NOT_FOUND}. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    /** The type, or null for {@code about:blank}. */
    public @Nullable ProblemType type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    /** The problem as Spring MVC writes it: {@code type}, {@code title}, {@code status}, {@code detail}, etc. */
    public ProblemDetail toProblemDetail(URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        if (type != null) {
            problem.setType(type.uri());
        }
        problem.setTitle(title);
        problem.setInstance(instance);
        if (!errors.isEmpty()) {
            problem.setProperty(ProblemDetailsAdvice.ERRORS, errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }
}
