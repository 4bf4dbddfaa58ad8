package io.bikecast.training.data;

/**
 * The ingest service did not answer, answered with an error, or answered something that cannot be used (cut off,
 * other columns): nothing it said is trained on. The message names the URL and what to check. A training run that
 * meets it is recorded as failed with that message; an HTTP request (an evaluation) is answered 503, since the fault
 * is a service this one depends on, not the request.
 */
public class IngestUnavailableException extends RuntimeException {

    IngestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    IngestUnavailableException(String message) {
        super(message);
    }
}
