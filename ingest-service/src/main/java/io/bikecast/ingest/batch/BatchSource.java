package io.bikecast.ingest.batch;

import io.bikecast.ingest.contract.BatchValidation;
import java.util.List;

/** Reads the rows of one batch from wherever they are into a {@link BatchValidation}. */
@FunctionalInterface
public interface BatchSource {

    /**
     * Reads every row into {@code batch}.
     *
     * @return the columns the source had that the contract does not know, which were ignored
     * @throws io.bikecast.ingest.contract.InvalidBatchException if the input cannot be read as a batch
     * @throws io.bikecast.ingest.input.InputTooLargeException if it is larger than the service accepts
     * @throws io.bikecast.ingest.input.SourceUnavailableException if it cannot be read to its end
     */
    List<String> readInto(BatchValidation batch);
}
