package io.bikecast.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every client error as an RFC 9457 problem whose {@code type} is a {@link ProblemType} URI and which names
 * each offending field in an {@code errors} array of {@link InvalidField}s, so that a client can tell problems apart
 * without parsing prose and fix all fields in one go. Bean Validation of {@code @Valid} bodies and validated
 * parameters, unreadable bodies, and {@link ProblemException}s all end here; a service maps its own domain exceptions
 * in an advice of its own, ordered before this one.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The problem member that lists the offending fields. */
    public static final String ERRORS = "errors";

    private static final String INVALID_FIELDS = "The request has invalid fields.";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException exception, WebRequest request) {
        return ResponseEntity.status(exception.status()).body(exception.toProblemDetail(instance(request)));
    }

    /**
     * The database is down or refused a connection: 503 with {@code Retry-After}, so a client waits and retries instead
     * of taking the request as wrong. Only these exceptions: a constraint violation or bad SQL is a bug, not an outage.
     * The classes are spring-tx's, on every service's classpath through Spring Kafka.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseDown(Exception exception, WebRequest request) {
        log.warn(
                "answered 503: the database is unavailable ({})",
                exception.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
                .body(new ProblemException(
                                ProblemType.UNAVAILABLE,
                                "The database is unavailable; nothing was changed. Retry in "
                                        + DATABASE_RETRY_AFTER_SECONDS + " seconds.")
                        .toProblemDetail(instance(request)));
    }

    /**
     * Anything no other handler answers: 500 with an id to find the stack trace in the log, and no internals (messages
     * of unexpected exceptions can hold SQL, paths or data).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception, WebRequest request) {
        if (overLimit(request) != null) {
            return handleProblem(bodyTooLarge(request), request);
        }
        if (lostDatabaseConnection(exception)) {
            return handleDatabaseDown(exception, request);
        }
        String id = UUID.randomUUID().toString();
        log.error("unexpected error {} answering {}", id, request.getDescription(false), exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ProblemException(
                                ProblemType.INTERNAL_ERROR, "An unexpected error occurred; it is logged as " + id + ".")
                        .toProblemDetail(instance(request)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(
            ConstraintViolationException exception, WebRequest request) {
        return handleProblem(
                ProblemException.badRequest(INVALID_FIELDS, InvalidFields.of(exception.getConstraintViolations())),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                ProblemException.badRequest(INVALID_FIELDS, InvalidFields.of(exception.getBindingResult())), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error ->
                            errors.add(new InvalidField(parameter, error.getDefaultMessage(), result.getArgument())));
        });
        errors.sort(InvalidFields.ORDER);
        return problem(ProblemException.badRequest(INVALID_FIELDS, errors), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (overLimit(request) != null) {
            return problem(bodyTooLarge(request), request);
        }
        List<InvalidField> errors = describe(exception);
        String detail = errors.size() == 1
                ? "The request body cannot be read: " + errors.getFirst().reason()
                : "The request body cannot be read: " + errors.size() + " fields are invalid.";
        return problem(ProblemException.badRequest(detail, errors), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        String expected = exception.getRequiredType() == null
                ? "another type"
                : exception.getRequiredType().getSimpleName();
        return problem(
                ProblemException.badRequest(
                        INVALID_FIELDS,
                        List.of(new InvalidField(name, "wrong type: expected " + expected, exception.getValue()))),
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problem(
                ProblemException.badRequest(
                        INVALID_FIELDS, List.of(InvalidField.of(exception.getParameterName(), "missing"))),
                request);
    }

    /**
     * Every other exception Spring MVC answers itself (unknown path, wrong method, unsupported media type...) keeps
     * Spring's problem, with the generic type of its status instead of none ({@code about:blank}) where there is one.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            ProblemType.forStatus(response.getStatusCode()).ifPresent(type -> {
                problem.setType(type.uri());
                problem.setTitle(type.title());
            });
        }
        return response;
    }

    private static List<InvalidField> describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getMostSpecificCause();
        return switch (cause) {
            case JsonFieldsException fields -> within(JsonPaths.of(fields), fields.fields());
            case UnrecognizedPropertyException unknown ->
                List.of(InvalidField.of(JsonPaths.of(unknown), "unknown field '" + unknown.getPropertyName() + "'"));
            case InvalidFormatException format ->
                List.of(new InvalidField(
                        JsonPaths.of(format),
                        "wrong type: expected " + format.getTargetType().getSimpleName(),
                        format.getValue()));
            case MismatchedInputException mismatch ->
                List.of(InvalidField.of(
                        JsonPaths.of(mismatch), "wrong type or missing value: " + mismatch.getOriginalMessage()));
            case StreamReadException malformed ->
                List.of(InvalidField.of(InvalidFields.BODY, "malformed JSON: " + malformed.getOriginalMessage()));
            case JacksonException other -> List.of(InvalidField.of(JsonPaths.of(other), other.getOriginalMessage()));
            default -> List.of(InvalidField.of(InvalidFields.BODY, "the request body is missing or unreadable"));
        };
    }

    /** Fields named relative to an object, named from the request's root instead. */
    private static List<InvalidField> within(String object, List<InvalidField> fields) {
        if (object.equals(InvalidFields.BODY)) {
            return fields;
        }
        return fields.stream()
                .map(field -> new InvalidField(object + "." + field.field(), field.reason(), field.rejectedValue()))
                .toList();
    }

    private static ResponseEntity<Object> problem(ProblemException exception, WebRequest request) {
        return ResponseEntity.status(exception.status()).body(exception.toProblemDetail(instance(request)));
    }

    /**
     * Whether the exception comes from a database connection that failed or was closed under the request (a restarted
     * or unreachable server), which Spring reports in other types too ({@code TransactionSystemException} when the
     * rollback on the dead connection fails, {@code UncategorizedSQLException}): SQL state class 08 (connection
     * exception) or 57P (the server shutting down or refusing connections), a JDBC connection exception, or a commit or
     * rollback that failed in JDBC.
     */
    private static boolean lostDatabaseConnection(Throwable exception) {
        if (exception instanceof TransactionSystemException failed
                && (failed.getCause() instanceof SQLException
                        || failed.getApplicationException() != null
                                && lostDatabaseConnection(failed.getApplicationException()))) {
            // A commit or rollback that fails in JDBC: the connection broke under the transaction.
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The limit a request's body was cut off at by {@link RequestBodyLimitFilter}, or null if it was not. */
    private static @Nullable Long overLimit(WebRequest request) {
        return (Long) request.getAttribute(RequestBodyLimitFilter.OVER_LIMIT, RequestAttributes.SCOPE_REQUEST);
    }

    private static ProblemException bodyTooLarge(WebRequest request) {
        return RequestBodyLimitFilter.tooLarge("The request body is longer", overLimit(request));
    }

    private static URI instance(WebRequest request) {
        return URI.create(request.getDescription(false).replaceFirst("^uri=", ""));
    }
}
