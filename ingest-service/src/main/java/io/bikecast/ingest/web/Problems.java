package io.bikecast.ingest.web;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problems the ingest service answers with, each with a machine-readable {@code cause} member so that a client
 * (or a test) can tell them apart without parsing prose.
 */
public final class Problems {

    /** The problem member that names the cause. */
    public static final String CAUSE = "cause";

    private Problems() {}

    public static ProblemException of(HttpStatus status, String cause, String title, String detail) {
        return new ProblemException(status, title, detail, List.of(), Map.of(CAUSE, cause));
    }

    public static ProblemException of(
            HttpStatus status, String cause, String title, String detail, List<InvalidField> errors) {
        return new ProblemException(status, title, detail, errors, Map.of(CAUSE, cause));
    }

    public static ProblemException emptyBody() {
        return of(HttpStatus.BAD_REQUEST, "empty-body", "Empty CSV", "The CSV is empty: there is not even a header.");
    }

    public static ProblemException noRows() {
        return of(HttpStatus.BAD_REQUEST, "no-rows", "No rows", "The CSV has a header but no data rows.");
    }

    public static ProblemException wrongEncoding(String why) {
        return of(
                HttpStatus.BAD_REQUEST,
                "wrong-encoding",
                "Wrong encoding",
                "The CSV must be UTF-8 (or plain ASCII, as the UCI file is): " + why);
    }

    public static ProblemException notCsv(String why) {
        return of(HttpStatus.BAD_REQUEST, "not-csv", "Not a UCI hour.csv file", why);
    }

    public static ProblemException uploadTooLarge(long maxBytes) {
        return of(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Upload too large",
                "The upload exceeds " + maxBytes + " bytes (bikecast.ingest.max-upload-size).");
    }

    public static ProblemException sourceTooLarge(long maxBytes) {
        return of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "too-large",
                "Source too large",
                "The referenced CSV exceeds " + maxBytes + " bytes (bikecast.ingest.max-upload-size).");
    }

    public static ProblemException sourceUnavailable(String cause, String title, String detail) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, cause, title, detail);
    }
}
