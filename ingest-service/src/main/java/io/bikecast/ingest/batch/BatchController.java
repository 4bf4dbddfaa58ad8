package io.bikecast.ingest.batch;

import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads batch reports with their rejections, and dataset versions. */
@RestController
@RequestMapping("/api/v1/ingest")
class BatchController {

    private final BatchStore store;

    BatchController(BatchStore store) {
        this.store = store;
    }

    @Operation(summary = "Batches, newest first (without their rejections)")
    @GetMapping("/batches")
    List<BatchReport> batches(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Requests.page(page, size);
        return store.list(page, size);
    }

    @Operation(summary = "One batch's report with a page of its rejections (page, size)")
    @GetMapping("/batches/{id}")
    BatchReport batch(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Requests.page(page, size);
        BatchReport report =
                store.find(id).orElseThrow(() -> ProblemException.notFound("There is no batch " + id + "."));
        return report.withRejections(store.rejections(id, page, size));
    }

    @Operation(summary = "Dataset versions, newest first")
    @GetMapping("/dataset-versions")
    List<DatasetVersion> versions(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Requests.page(page, size);
        return store.versions(page, size);
    }

    @Operation(summary = "One dataset version by its content hash")
    @GetMapping("/dataset-versions/{contentHash}")
    DatasetVersion version(@PathVariable String contentHash) {
        return store.version(contentHash)
                .orElseThrow(() -> ProblemException.notFound("There is no dataset version " + contentHash + "."));
    }
}
