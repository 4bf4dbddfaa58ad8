package io.bikecast.ingest.problems;

import io.bikecast.ingest.batch.BatchReport;
import io.bikecast.ingest.batch.StrictBatchRejectedException;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.contract.InvalidBatchException;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.ingest.input.InputTooLargeException;
import io.bikecast.ingest.input.SourceUnavailableException;
import io.bikecast.ingest.replay.TooManyReplaysException;
import io.bikecast.ingest.source.ArchiveRefusedException;
import io.bikecast.ingest.source.RefusedSourceException;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers the ingest service's domain exceptions with their problems, each with its own {@link ProblemType} so that a
 * client (or a test) tells them apart by {@code type} without parsing prose; the detail is the exception's message.
 * Ordered before the platform's {@code ProblemDetailsAdvice}, whose catch-all would otherwise answer them with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestProblemsAdvice {

    private final long maxUploadBytes;

    IngestProblemsAdvice(IngestProperties properties) {
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
    }

    @ExceptionHandler(InvalidBatchException.class)
    ResponseEntity<ProblemDetail> invalidBatch(InvalidBatchException e, HttpServletRequest request) {
        ProblemException problem = switch (e.reason()) {
            case EMPTY -> new ProblemException(ProblemType.EMPTY_BODY, e.getMessage());
            case NO_ROWS -> new ProblemException(ProblemType.NO_ROWS, e.getMessage());
            case NOT_CSV -> new ProblemException(ProblemType.NOT_CSV, e.getMessage(), fields(e.violations()), Map.of());
            case WRONG_ENCODING -> new ProblemException(ProblemType.WRONG_ENCODING, e.getMessage());
            case TOO_MANY_ROWS -> new ProblemException(ProblemType.TOO_MANY_ROWS, e.getMessage());
            case TOO_MANY_REJECTIONS ->
                new ProblemException(
                        ProblemType.TOO_MANY_REJECTIONS,
                        e.getMessage(),
                        List.of(),
                        Map.of("firstRejections", e.violations()));
        };
        return answer(problem, request);
    }

    @ExceptionHandler(StrictBatchRejectedException.class)
    ResponseEntity<ProblemDetail> strictRejected(StrictBatchRejectedException e, HttpServletRequest request) {
        BatchReport report = e.report();
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("batchId", report.batchId());
        members.put("rowsRead", report.rowsRead());
        members.put("rowsRejected", report.rowsRejected());
        members.put("rejections", report.rejections());
        return answer(new ProblemException(ProblemType.STRICT_REJECTED, e.getMessage(), List.of(), members), request);
    }

    @ExceptionHandler(InputTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(InputTooLargeException e, HttpServletRequest request) {
        ProblemType type = switch (e.origin()) {
            case UPLOAD -> ProblemType.PAYLOAD_TOO_LARGE;
            case REFERENCE -> ProblemType.SOURCE_TOO_LARGE;
        };
        return answer(new ProblemException(type, e.getMessage()), request);
    }

    /**
     * A multipart upload over the limit, which the multipart resolver refuses before any controller runs: answered
     * like any other oversized upload.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> multipartTooLarge(HttpServletRequest request) {
        return tooLarge(InputTooLargeException.upload(maxUploadBytes), request);
    }

    @ExceptionHandler(SourceUnavailableException.class)
    ResponseEntity<ProblemDetail> sourceUnavailable(SourceUnavailableException e, HttpServletRequest request) {
        ProblemType type = switch (e.reason()) {
            case UNREADABLE -> ProblemType.SOURCE_UNREADABLE;
            case TIMED_OUT -> ProblemType.URL_TIMEOUT;
            case BAD_STATUS -> ProblemType.URL_STATUS;
            case UNREACHABLE -> ProblemType.URL_UNREACHABLE;
        };
        return answer(new ProblemException(type, e.getMessage()), request);
    }

    @ExceptionHandler(RefusedSourceException.class)
    ResponseEntity<ProblemDetail> refusedSource(RefusedSourceException e, HttpServletRequest request) {
        ProblemType type = switch (e.reason()) {
            case INVALID_URL -> ProblemType.INVALID_URL;
            case OUTSIDE_DATA_DIRECTORY -> ProblemType.PATH_OUTSIDE_DATA_DIRECTORY;
            case NO_SUCH_FILE -> ProblemType.FILE_NOT_FOUND;
        };
        List<InvalidField> errors = List.of(new InvalidField(e.field(), e.fault(), e.value()));
        return answer(new ProblemException(type, e.getMessage(), errors, Map.of()), request);
    }

    @ExceptionHandler(ArchiveRefusedException.class)
    ResponseEntity<ProblemDetail> archiveRefused(ArchiveRefusedException e, HttpServletRequest request) {
        ProblemType type = switch (e.reason()) {
            case BOMB -> ProblemType.ZIP_BOMB;
            case BROKEN -> ProblemType.BAD_ZIP;
            case NO_HOUR_CSV -> ProblemType.NO_HOUR_CSV;
        };
        return answer(new ProblemException(type, e.getMessage()), request);
    }

    @ExceptionHandler(TooManyReplaysException.class)
    ResponseEntity<ProblemDetail> tooManyReplays(TooManyReplaysException e, HttpServletRequest request) {
        return answer(new ProblemException(ProblemType.TOO_MANY_REPLAYS, e.getMessage()), request);
    }

    /** A CSV header's faults as the problem's {@code errors}: one per column, named as the header names it. */
    private static List<InvalidField> fields(List<Violation> violations) {
        return violations.stream()
                .map(v -> new InvalidField(v.column(), v.reason(), v.value()))
                .toList();
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
