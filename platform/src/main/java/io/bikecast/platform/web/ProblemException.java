package io.bikecast.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a service reports to its client as an RFC 9457 problem: thrown from anywhere in a request, answered by
 * {@link ProblemDetailsAdvice}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<InvalidField> errors;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    public ProblemException(
            HttpStatus status, String title, String detail, List<InvalidField> errors, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    public static ProblemException badRequest(String detail, List<InvalidField> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<InvalidField> errors() {
        return errors;
    }

    ProblemDetail toProblemDetail(URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setTitle(title);
        problem.setInstance(instance);
        if (!errors.isEmpty()) {
            problem.setProperty(ProblemDetailsAdvice.ERRORS, errors);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }
}
