package io.bikecast.training.problems;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import io.bikecast.training.data.IngestUnavailableException;
import io.bikecast.training.evaluation.NoStoredHoursException;
import io.bikecast.training.registry.AliasNotFoundException;
import io.bikecast.training.registry.PromotionRefusedException;
import io.bikecast.training.registry.VersionNotFoundException;
import io.bikecast.training.run.InvalidRunParametersException;
import io.bikecast.training.run.RunNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where the training service's domain exceptions become RFC 9457 problems, so the features throw what
 * went wrong in their own terms and never an HTTP status. Ordered before the platform's advice, which answers the rest
 * (invalid fields, unreadable bodies, the database down, anything unexpected).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrainingProblems {

    /** 404 {@code not-found}, naming the version. */
    @ExceptionHandler(VersionNotFoundException.class)
    ResponseEntity<ProblemDetail> versionNotFound(VersionNotFoundException exception, HttpServletRequest request) {
        return answer(
                new ProblemException(
                        ProblemType.NOT_FOUND,
                        exception.getMessage(),
                        List.of(new InvalidField("version", "no such version", exception.version())),
                        Map.of()),
                request);
    }

    /** 404 {@code not-found}: no champion (now or at the instant asked for), or no challenger. */
    @ExceptionHandler(AliasNotFoundException.class)
    ResponseEntity<ProblemDetail> aliasNotFound(AliasNotFoundException exception, HttpServletRequest request) {
        return answer(ProblemException.notFound(exception.getMessage()), request);
    }

    /** 404 {@code not-found}. */
    @ExceptionHandler(RunNotFoundException.class)
    ResponseEntity<ProblemDetail> runNotFound(RunNotFoundException exception, HttpServletRequest request) {
        return answer(ProblemException.notFound(exception.getMessage()), request);
    }

    /** 409 {@code conflict}, titled with what was refused (e.g. "Corrupted artifact"). */
    @ExceptionHandler(PromotionRefusedException.class)
    ResponseEntity<ProblemDetail> promotionRefused(PromotionRefusedException exception, HttpServletRequest request) {
        return titled(HttpStatus.CONFLICT, exception.summary(), exception, request);
    }

    /** 400 {@code invalid-request}, naming each offending parameter as {@code parameters.<name>}. */
    @ExceptionHandler(InvalidRunParametersException.class)
    ResponseEntity<ProblemDetail> invalidParameters(
            InvalidRunParametersException exception, HttpServletRequest request) {
        List<InvalidField> errors = exception.violations().stream()
                .map(violation -> new InvalidField("parameters." + violation.parameter(), violation.reason(), null))
                .toList();
        return answer(ProblemException.badRequest(exception.getMessage(), errors), request);
    }

    /** 422 {@code unprocessable}: the range holds no stored hour to score. */
    @ExceptionHandler(NoStoredHoursException.class)
    ResponseEntity<ProblemDetail> noStoredHours(NoStoredHoursException exception, HttpServletRequest request) {
        return titled(HttpStatus.UNPROCESSABLE_CONTENT, "No stored hours in range", exception, request);
    }

    /** 503 {@code unavailable}: the fault is the ingest service this one depends on, not the request. */
    @ExceptionHandler(IngestUnavailableException.class)
    ResponseEntity<ProblemDetail> ingestUnavailable(IngestUnavailableException exception, HttpServletRequest request) {
        return titled(HttpStatus.SERVICE_UNAVAILABLE, "Ingest service unavailable", exception, request);
    }

    /** A problem of the status's generic type, with a title of its own and the exception's message as detail. */
    private static ResponseEntity<ProblemDetail> titled(
            HttpStatus status, String title, RuntimeException exception, HttpServletRequest request) {
        return answer(new ProblemException(status, title, exception.getMessage()), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
