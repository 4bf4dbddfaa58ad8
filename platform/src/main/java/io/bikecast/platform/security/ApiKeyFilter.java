package io.bikecast.platform.security;

import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemResponses;
import io.bikecast.platform.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses, with 401 and a problem body, a mutating request to a guarded path that lacks the right {@code X-API-Key}.
 * It runs before any controller, so a refused request changes nothing. The key itself is never logged or echoed.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final ApiKeyProperties properties;
    private final java.util.List<PathPattern> patterns;

    public ApiKeyFilter(ApiKeyProperties properties) {
        this.properties = properties;
        this.patterns = properties.protectedPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!properties.protectedMethods().contains(request.getMethod())) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return patterns.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null && properties.configured() && matches(presented, properties.key())) {
            chain.doFilter(request, response);
            return;
        }
        String detail = presented == null
                ? "This endpoint changes data and needs the " + HEADER + " header."
                : "The " + HEADER + " header does not hold a valid key.";
        ProblemResponses.write(
                response, new ProblemException(ProblemType.UNAUTHORIZED, detail), request.getRequestURI());
    }

    /** Constant-time, so the time a refusal takes tells nothing about how much of the key was right. */
    private static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
