package io.bikecast.ingest.contract;

import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.PlausibleYears;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of one batch as a source reads them: checks each against the {@link ContractValidator}, refuses a
 * second row for a series and hour already seen in the batch, and keeps the accepted observations and every
 * violation. Not thread-safe: one per batch.
 */
public final class BatchValidation {

    private record Key(SeriesId series, LocalDateTime hour) {}

    private final int maxRows;
    private final int maxRejections;
    private final PlausibleYears years;
    private final List<Observation> accepted = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Key, Long> lineOfHour = new HashMap<>();
    private int rowsRead;
    private int rowsRejected;

    /**
     * @param maxRows the most rows the batch may have; one more refuses the batch ({@link
     *     InvalidBatchException.Reason#TOO_MANY_ROWS})
     * @param maxRejections the most violations the batch may have; one more refuses the batch ({@link
     *     InvalidBatchException.Reason#TOO_MANY_REJECTIONS})
     * @param years the years a row's date may fall in
     */
    public BatchValidation(int maxRows, int maxRejections, PlausibleYears years) {
        this.maxRows = maxRows;
        this.maxRejections = maxRejections;
        this.years = years;
    }

    /**
     * Checks one row and files it as accepted or rejected.
     *
     * @throws InvalidBatchException once the batch has too many rows or too many violations
     */
    public void add(CandidateRow row, List<Violation> typingViolations) {
        if (++rowsRead > maxRows) {
            throw new InvalidBatchException(
                    InvalidBatchException.Reason.TOO_MANY_ROWS,
                    "A batch may hold at most " + maxRows + " rows (bikecast.ingest.max-rows); split the data into "
                            + "several batches.");
        }
        ContractValidator.Checked checked = ContractValidator.check(row, typingViolations, years);
        if (!checked.accepted()) {
            reject(checked.violations());
            return;
        }
        Observation observation = checked.observation();
        Long firstLine = lineOfHour.putIfAbsent(new Key(observation.seriesId(), observation.hour()), row.line());
        if (firstLine != null) {
            reject(List.of(new Violation(
                    row.line(),
                    Columns.HOUR,
                    observation.hour().toString(),
                    "duplicate: series " + observation.seriesId() + " already has this hour at line " + firstLine)));
            return;
        }
        accepted.add(observation);
    }

    private void reject(List<Violation> rowViolations) {
        rowsRejected++;
        violations.addAll(rowViolations);
        if (violations.size() > maxRejections) {
            throw new InvalidBatchException(
                    InvalidBatchException.Reason.TOO_MANY_REJECTIONS,
                    "More than " + maxRejections + " contract violations by line "
                            + rowViolations.getFirst().line()
                            + " (bikecast.ingest.max-rejections); nothing was stored. Is this the right file? First: "
                            + violations.getFirst(),
                    violations.subList(0, Math.min(20, violations.size())));
        }
    }

    public List<Observation> accepted() {
        return accepted;
    }

    public List<Violation> violations() {
        return violations;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int rowsRejected() {
        return rowsRejected;
    }
}
