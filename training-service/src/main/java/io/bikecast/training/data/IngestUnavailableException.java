package io.bikecast.training.data;

import io.bikecast.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The ingest service did not answer, answered with an error, or answered something that cannot be used (cut off,
 * other columns): nothing it said is trained on. The message names the URL and what to check. A training run that
 * meets it is recorded as failed with that message; an HTTP request (an evaluation) gets it as a 503 problem, since
 * the fault is a service this one depends on, not the request.
 */
public class IngestUnavailableException extends ProblemException {

    IngestUnavailableException(String message, Throwable cause) {
        this(message);
        initCause(cause);
    }

    IngestUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Ingest service unavailable", message);
    }
}
