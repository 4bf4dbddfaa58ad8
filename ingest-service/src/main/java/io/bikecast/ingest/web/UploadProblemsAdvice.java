package io.bikecast.ingest.web;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers a multipart upload over the size limit like any other oversized upload: 413 {@code payload-too-large}. The
 * multipart resolver refuses it before any controller runs, so it is mapped here rather than thrown as a problem.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadProblemsAdvice {

    private final long maxBytes;

    public UploadProblemsAdvice(IngestProperties properties) {
        this.maxBytes = properties.maxUploadSize().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        ProblemException problem = Problems.uploadTooLarge(maxBytes);
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
