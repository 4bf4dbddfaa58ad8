package io.bikecast.prediction.api;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.InvalidFields;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import io.bikecast.prediction.serving.NoChampionException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where the prediction endpoints' exceptions become problems: the serving path's {@link
 * NoChampionException} (503 {@code no-champion}), and Bean Validation of a request body, answered as the platform
 * answers it but with a detail that says how many batch rows are bad. Ordered before the platform's advice, which
 * answers everything else (unreadable bodies, {@link ProblemException}s).
 */
@RestControllerAdvice(assignableTypes = PredictionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PredictionProblems {

    private static final Pattern ROW = Pattern.compile("^rows\\[(\\d+)]");

    @ExceptionHandler(NoChampionException.class)
    ResponseEntity<ProblemDetail> noChampion(NoChampionException exception, HttpServletRequest request) {
        return answer(
                new ProblemException(
                        ProblemType.NO_CHAMPION,
                        exception.getMessage(),
                        List.of(),
                        Map.of("modelName", exception.modelName())),
                request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException exception, HttpServletRequest request) {
        List<InvalidField> errors = InvalidFields.of(exception.getBindingResult());
        String detail = exception.getBindingResult().getTarget() instanceof BatchPredictRequest batch
                ? batchDetail(batch, errors)
                : "The prediction request has invalid fields.";
        return answer(ProblemException.badRequest(detail, errors), request);
    }

    private static String batchDetail(BatchPredictRequest batch, List<InvalidField> errors) {
        long badRows = errors.stream()
                .map(error -> ROW.matcher(error.field()))
                .filter(Matcher::find)
                .map(row -> row.group(1))
                .distinct()
                .count();
        if (badRows == 0 || batch.rows() == null) {
            return "The batch must hold 1 to max-batch-rows rows; nothing was predicted.";
        }
        return "%d of %d rows are invalid; nothing was predicted."
                .formatted(badRows, batch.rows().size());
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
