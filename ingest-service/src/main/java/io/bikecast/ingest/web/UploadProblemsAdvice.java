package io.bikecast.ingest.web;

import io.bikecast.ingest.config.IngestProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Answers a multipart upload over the size limit like any other oversized upload: 413 with cause {@code too-large}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadProblemsAdvice {

    private final long maxBytes;

    public UploadProblemsAdvice(IngestProperties properties) {
        this.maxBytes = properties.maxUploadSize().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "The upload exceeds " + maxBytes + " bytes (bikecast.ingest.max-upload-size).");
        problem.setTitle("Upload too large");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty(Problems.CAUSE, "too-large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }
}
