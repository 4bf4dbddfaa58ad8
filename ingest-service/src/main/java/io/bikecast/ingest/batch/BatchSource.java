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
     * @throws io.bikecast.platform.web.ProblemException if the input as a whole is unusable
     */
    List<String> readInto(BatchValidation batch);
}
