package io.bikecast.monitoring.problems;

import io.bikecast.monitoring.drift.DriftReportNotFoundException;
import io.bikecast.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where the monitoring service's domain exceptions become RFC 9457 problems, so the features say what
 * went wrong in their own terms and never pick an HTTP status. Ordered before the platform's advice, which answers
 * the rest (invalid parameters, the API key, the database down, anything unexpected) and whose catch-all would
 * otherwise answer these with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitoringProblems {

    /** 404 {@code not-found}: no report has the id asked for, or no check has run yet. */
    @ExceptionHandler(DriftReportNotFoundException.class)
    ResponseEntity<ProblemDetail> reportNotFound(DriftReportNotFoundException exception, HttpServletRequest request) {
        ProblemException problem = ProblemException.notFound(exception.getMessage());
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
