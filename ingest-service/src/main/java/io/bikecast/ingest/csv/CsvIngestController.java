package io.bikecast.ingest.csv;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.batch.BatchReport;
import io.bikecast.ingest.batch.IngestService;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.ingest.input.BoundedInputStream;
import io.bikecast.ingest.input.InputTooLargeException;
import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/ingest/csv}: a CSV in the UCI {@code hour.csv} format as the request body or a multipart file,
 * at most {@code bikecast.ingest.max-upload-size}. A body bounds itself here (a declared length over the limit is
 * refused before a byte is read, any other body where it passes the limit), a multipart file through Spring's
 * multipart limits ({@code spring.servlet.multipart.*}, set to the same size); the platform's request body limit
 * ({@code bikecast.web.max-request-body}) lies above both.
 */
@RestController
@RequestMapping("/api/v1/ingest")
class CsvIngestController {

    static final String SOURCE = "csv";

    static final String ANNOUNCE_ACTUALS = "false for a backfill of history: rows are stored without an actual-observed"
            + " event per hour, so monitoring does not take old hours for live actuals (default true)";

    private static final Set<Charset> READABLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII);

    private final IngestService ingest;
    private final UciCsvReader reader = new UciCsvReader();
    private final long maxBytes;

    CsvIngestController(IngestService ingest, IngestProperties properties) {
        this.ingest = ingest;
        this.maxBytes = properties.maxUploadSize().toBytes();
    }

    @Operation(summary = "Ingest a CSV sent as the request body (Content-Type: text/csv, UTF-8)")
    @PostMapping(path = "/csv", consumes = "text/csv")
    ResponseEntity<BatchReport> body(
            HttpServletRequest request,
            @RequestParam(required = false) String mode,
            @RequestParam(defaultValue = "system") String series,
            @Parameter(description = ANNOUNCE_ACTUALS) @RequestParam(defaultValue = "true") boolean announceActuals)
            throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw InputTooLargeException.declared(request.getContentLengthLong(), maxBytes);
        }
        IngestMode ingestMode = Requests.mode(mode);
        SeriesId seriesId = Requests.series(series, "series");
        // The declared charset from the header itself: Boot's CharacterEncodingFilter forces the request's
        // character encoding to UTF-8, which would hide what the client said.
        requireUtf8(charsetOf(request.getHeader("Content-Type")));
        try (InputStream body = new BoundedInputStream(
                request.getInputStream(), maxBytes, () -> InputTooLargeException.upload(maxBytes))) {
            return created(ingest.ingest(
                    SOURCE,
                    null,
                    ingestMode,
                    announceActuals,
                    batch -> reader.read(body, seriesId.value(), batch).ignoredColumns()));
        }
    }

    @Operation(summary = "Ingest a CSV uploaded as the multipart part 'file'")
    @PostMapping(path = "/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchReport> file(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String mode,
            @RequestParam(defaultValue = "system") String series,
            @Parameter(description = ANNOUNCE_ACTUALS) @RequestParam(defaultValue = "true") boolean announceActuals) {
        IngestMode ingestMode = Requests.mode(mode);
        SeriesId seriesId = Requests.series(series, "series");
        if (file.getSize() > maxBytes) {
            throw InputTooLargeException.upload(maxBytes);
        }
        if (file.getContentType() != null) {
            requireUtf8(charsetOf(file.getContentType()));
        }
        try (InputStream content = file.getInputStream()) {
            return created(ingest.ingest(
                    SOURCE,
                    file.getOriginalFilename(),
                    ingestMode,
                    announceActuals,
                    batch -> reader.read(content, seriesId.value(), batch).ignoredColumns()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<BatchReport> created(BatchReport report) {
        return ResponseEntity.created(URI.create("/api/v1/ingest/batches/" + report.batchId()))
                .body(report);
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String charset = MediaType.parseMediaType(contentType).getParameter("charset");
            return charset == null ? null : charset.replace("\"", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Refuses a declared charset other than UTF-8 or ASCII with 415: a fault of the request's headers, answered as the
     * platform's problem directly (content that turns out not to be UTF-8 is the reader's refusal).
     */
    private static void requireUtf8(String declared) {
        if (declared == null) {
            return;
        }
        boolean readable;
        try {
            readable = READABLE.contains(Charset.forName(declared));
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            readable = false;
        }
        if (!readable) {
            throw new ProblemException(
                    ProblemType.WRONG_ENCODING,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The CSV is declared as " + declared + "; only UTF-8 (or ASCII) is accepted. Convert it, e.g."
                            + " with iconv -t UTF-8.",
                    List.of(),
                    Map.of());
        }
    }
}
