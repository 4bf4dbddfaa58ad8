package io.bikecast.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException exception, WebRequest request) {
        return ResponseEntity.status(exception.status()).body(exception.toProblemDetail(instance(request)));
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

    private static URI instance(WebRequest request) {
        return URI.create(request.getDescription(false).replaceFirst("^uri=", ""));
    }
}
