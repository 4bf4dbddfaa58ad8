package io.bikecast.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, which runs before Spring MVC and its message converters: the filters that
 * refuse a request before any controller (a missing API key, a body over the limit) answer in the same RFC 9457 shape
 * as the controllers do.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    /** Writes the problem, with its status, as {@code application/problem+json}. */
    public static void write(HttpServletResponse response, ProblemException problem, String instance)
            throws IOException {
        ProblemDetail detail = problem.toProblemDetail(URI.create(instance));
        // A map rather than the ProblemDetail: outside Spring MVC's converters a ProblemDetail is not written in its
        // RFC 9457 shape (its extra members would be nested under "properties").
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        body.put("instance", instance);
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
