package io.bikecast.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every client error as an RFC 9457 problem that names each offending field in an {@code errors} array of
 * {@link InvalidField}s, so that a client can fix all of them in one go.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The problem member that lists the offending fields. */
    public static final String ERRORS = "errors";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException exception, NativeWebRequest request) {
        return ResponseEntity.status(exception.status()).body(exception.toProblemDetail(instance(request)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(
            ConstraintViolationException exception, NativeWebRequest request) {
        List<InvalidField> errors = exception.getConstraintViolations().stream()
                .map(violation -> new InvalidField(
                        ConstraintPaths.field(violation.getPropertyPath()),
                        violation.getMessage(),
                        violation.getInvalidValue()))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        return handleProblem(ProblemException.badRequest("The request has invalid fields.", errors), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.add(new InvalidField(error.getField(), error.getDefaultMessage(), error.getRejectedValue()));
        }
        exception
                .getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(InvalidField.of(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(InvalidField::field));
        return problem(status, "Invalid request", "The request has invalid fields.", errors, request);
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
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.", errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        InvalidField error = describe(exception);
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", error.reason(), List.of(error), request);
    }

    private static InvalidField describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getMostSpecificCause();
        return switch (cause) {
            case UnrecognizedPropertyException unknown ->
                InvalidField.of(JsonPaths.of(unknown), "unknown field '" + unknown.getPropertyName() + "'");
            case InvalidFormatException format ->
                new InvalidField(
                        JsonPaths.of(format),
                        "wrong type: expected " + format.getTargetType().getSimpleName(),
                        format.getValue());
            case MismatchedInputException mismatch ->
                InvalidField.of(
                        JsonPaths.of(mismatch), "wrong type or missing value: " + mismatch.getOriginalMessage());
            case StreamReadException malformed ->
                InvalidField.of("body", "malformed JSON: " + malformed.getOriginalMessage());
            case JacksonException other -> InvalidField.of(JsonPaths.of(other), other.getOriginalMessage());
            default -> InvalidField.of("body", "the request body is missing or unreadable");
        };
    }

    private ResponseEntity<Object> problem(
            HttpStatusCode status, String title, String detail, List<InvalidField> errors, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(instance(request));
        problem.setProperty(ERRORS, errors);
        return ResponseEntity.status(status).body(problem);
    }

    private static URI instance(WebRequest request) {
        return URI.create(request.getDescription(false).replaceFirst("^uri=", ""));
    }
}
