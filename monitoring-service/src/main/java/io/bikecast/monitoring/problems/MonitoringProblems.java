package io.bikecast.monitoring.problems;

import io.bikecast.monitoring.alerts.AlertNotFoundException;
import io.bikecast.monitoring.alerts.AlertNotOpenException;
import io.bikecast.monitoring.config.UnknownModelException;
import io.bikecast.monitoring.drift.DriftReportNotFoundException;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
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
        return answer(ProblemException.notFound(exception.getMessage()), request);
    }

    /** 404 {@code not-found}: {@code ?model=} names a model monitoring does not follow. */
    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<ProblemDetail> unknownModel(UnknownModelException exception, HttpServletRequest request) {
        return answer(ProblemException.notFound(exception.getMessage()), request);
    }

    /** 404 {@code not-found}: no alert has the id an operator asked to resolve. */
    @ExceptionHandler(AlertNotFoundException.class)
    ResponseEntity<ProblemDetail> alertNotFound(AlertNotFoundException exception, HttpServletRequest request) {
        return answer(ProblemException.notFound(exception.getMessage()), request);
    }

    /** 409 {@code conflict}: the alert is resolved already, or informational and so never open. */
    @ExceptionHandler(AlertNotOpenException.class)
    ResponseEntity<ProblemDetail> alertNotOpen(AlertNotOpenException exception, HttpServletRequest request) {
        return answer(new ProblemException(ProblemType.CONFLICT, exception.getMessage()), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
