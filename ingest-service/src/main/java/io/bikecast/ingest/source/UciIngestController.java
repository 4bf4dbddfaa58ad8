package io.bikecast.ingest.source;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.batch.BatchReport;
import io.bikecast.ingest.batch.IngestService;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.ingest.csv.UciCsvReader;
import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ingest/uci}: the UCI CSV (or its zip) by path in the data directory or by URL. */
@RestController
@RequestMapping("/api/v1/ingest")
class UciIngestController {

    static final String SOURCE = "uci";

    private final IngestService ingest;
    private final UciSources sources;
    private final UciCsvReader reader = new UciCsvReader();

    UciIngestController(IngestService ingest, UciSources sources) {
        this.ingest = ingest;
        this.sources = sources;
    }

    @Operation(summary = "Ingest a UCI hour.csv, or a zip holding it, from the data directory or an http(s) URL")
    @PostMapping("/uci")
    ResponseEntity<BatchReport> ingest(@RequestBody UciIngestRequest request) {
        boolean byPath = request.path() != null && !request.path().isBlank();
        boolean byUrl = request.url() != null && !request.url().isBlank();
        if (byPath == byUrl) {
            throw ProblemException.badRequest(
                    "Give exactly one of path and url.",
                    List.of(InvalidField.of(byPath ? "path" : "url", "exactly one of path and url is required")));
        }
        IngestMode mode = Requests.mode(request.mode());
        SeriesId series = Requests.series(request.seriesId() == null ? "system" : request.seriesId(), "seriesId");
        URI url = byUrl ? sources.checkUrl(request.url().strip()) : null;
        String origin = byUrl ? url.toString() : request.path();
        BatchReport report = ingest.ingest(SOURCE, origin, mode, batch -> {
            try (InputStream csv = byUrl ? sources.openUrl(url) : sources.openPath(request.path())) {
                return reader.read(csv, series.value(), batch).ignoredColumns();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.created(URI.create("/api/v1/ingest/batches/" + report.batchId()))
                .body(report);
    }
}
