package io.bikecast.monitoring.drift;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drift report without its per-feature results: one line of the report list.
 *
 * @param seriesCount how many distinct series (a family's stations) its window held; null for reports stored before
 *     it was counted
 */
record DriftReportSummary(
        UUID id,
        Instant createdAt,
        DriftReport.Trigger trigger,
        String modelName,
        Long modelVersion,
        DriftVerdict verdict,
        String detail,
        int referenceSize,
        int currentSize,
        Integer seriesCount,
        Double driftShare,
        List<String> driftedFeatures) {}
