package io.bikecast.ingest.json;

import io.bikecast.ingest.batch.BatchReport;
import io.bikecast.ingest.batch.IngestService;
import io.bikecast.ingest.contract.CandidateRow;
import io.bikecast.ingest.contract.Columns;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.ingest.contract.InvalidBatchException;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.ingest.request.Requests;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ingest/observations}: batches pushed as JSON by systems that produce observations. */
@RestController
@RequestMapping("/api/v1/ingest")
class ObservationsIngestController {

    static final String SOURCE = "observations";

    private static final ObservationInput EMPTY = new ObservationInput(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private final IngestService ingest;

    ObservationsIngestController(IngestService ingest) {
        this.ingest = ingest;
    }

    @Operation(summary = "Ingest a batch of observations sent as JSON")
    @PostMapping(path = "/observations", consumes = "application/json")
    ResponseEntity<BatchReport> ingest(@RequestBody ObservationBatch request) {
        IngestMode mode = Requests.mode(request.mode());
        List<ObservationInput> observations = request.observations();
        if (observations == null || observations.isEmpty()) {
            throw new InvalidBatchException(
                    InvalidBatchException.Reason.NO_ROWS,
                    "The batch has no observations: send {\"observations\": [ ... ]}.");
        }
        BatchReport report = ingest.ingest(SOURCE, null, mode, batch -> {
            for (int i = 0; i < observations.size(); i++) {
                ObservationInput o = observations.get(i) == null ? EMPTY : observations.get(i);
                List<Violation> typing = o.hour() == null
                        ? List.of(new Violation(i + 1, Columns.HOUR, null, "missing value"))
                        : List.of();
                batch.add(candidate(i + 1, o), typing);
            }
            return List.of();
        });
        return ResponseEntity.created(URI.create("/api/v1/ingest/batches/" + report.batchId()))
                .body(report);
    }

    private static CandidateRow candidate(long position, ObservationInput o) {
        return new CandidateRow(
                position,
                o.seriesId() == null ? "system" : o.seriesId(),
                o.hour() == null ? null : o.hour().toLocalDate(),
                o.hour(),
                o.hr(),
                o.season(),
                o.yr(),
                o.mnth(),
                o.holiday(),
                o.weekday(),
                o.workingday(),
                o.weathersit(),
                o.temp(),
                o.atemp(),
                o.hum(),
                o.windspeed(),
                o.casual(),
                o.registered(),
                o.cnt());
    }
}
