package io.bikecast.ingest.web;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The problems the ingest service answers with. Each has its own {@link ProblemType}, so that a client (or a test)
 * tells them apart by the problem's {@code type} without parsing prose.
 */
public final class Problems {

    private Problems() {}

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail);
    }

    public static ProblemException of(ProblemType type, String detail, List<InvalidField> errors) {
        return new ProblemException(type, detail, errors, Map.of());
    }

    public static ProblemException emptyBody() {
        return of(ProblemType.EMPTY_BODY, "The CSV is empty: there is not even a header.");
    }

    public static ProblemException noRows() {
        return of(ProblemType.NO_ROWS, "The CSV has a header but no data rows.");
    }

    public static ProblemException wrongEncoding(String why) {
        return of(ProblemType.WRONG_ENCODING, "The CSV must be UTF-8 (or plain ASCII, as the UCI file is): " + why);
    }

    /** A declared charset the service cannot read: 415, the media type itself is unsupported. */
    public static ProblemException declaredEncoding(String detail) {
        return new ProblemException(
                ProblemType.WRONG_ENCODING, HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail, List.of(), Map.of());
    }

    public static ProblemException notCsv(String why) {
        return of(ProblemType.NOT_CSV, why);
    }

    public static ProblemException uploadTooLarge(long maxBytes) {
        return of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The upload exceeds " + maxBytes + " bytes (bikecast.ingest.max-upload-size).");
    }

    public static ProblemException sourceTooLarge(long maxBytes) {
        return of(
                ProblemType.SOURCE_TOO_LARGE,
                "The referenced CSV exceeds " + maxBytes + " bytes (bikecast.ingest.max-upload-size).");
    }
}
