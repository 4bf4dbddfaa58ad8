package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import io.bikecast.monitoring.policy.RetrainingService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs a drift check: the champion's reference against the current window of its served predictions; stores the
 * report whatever its verdict (a failure is stored as {@code ERROR}, never as "no drift"), updates the metrics, and
 * hands the report to the retraining policy.
 */
@Service
public class DriftCheckService {

    private static final Logger log = LoggerFactory.getLogger(DriftCheckService.class);

    private final ReferenceProvider references;
    private final CurrentWindowReader windows;
    private final DriftReportStore reports;
    private final MonitoringMetrics metrics;
    private final RetrainingService retraining;
    private final MonitoringProperties properties;
    private final MonitoringClock clock;
    private final Clock wall;

    public DriftCheckService(
            ReferenceProvider references,
            CurrentWindowReader windows,
            DriftReportStore reports,
            MonitoringMetrics metrics,
            RetrainingService retraining,
            MonitoringProperties properties,
            MonitoringClock clock,
            Clock wall) {
        this.references = references;
        this.windows = windows;
        this.reports = reports;
        this.metrics = metrics;
        this.retraining = retraining;
        this.properties = properties;
        this.clock = clock;
        this.wall = wall;
    }

    /** Runs one check now, on the monitoring clock; see {@link #check(DriftReport.Trigger, ClockReading)}. */
    public DriftReport check(DriftReport.Trigger trigger) {
        return check(trigger, clock.now());
    }

    /**
     * Runs one check at a clock reading, stores and returns its report, and hands it to the retraining policy;
     * synchronized so two triggers never interleave. Under the data clock an hour window ends at the reading.
     */
    public synchronized DriftReport check(DriftReport.Trigger trigger, ClockReading at) {
        DriftReport report = analyse(trigger, at);
        reports.save(report);
        metrics.driftChecked(report);
        log.info(
                "drift check {} of {} v{}: {} ({})",
                report.id(),
                report.modelName(),
                report.modelVersion(),
                report.verdict(),
                report.detail());
        try {
            retraining.act(report, at);
        } catch (RuntimeException e) {
            log.error("could not act on drift report {}; the next check tries again", report.id(), e);
        }
        return report;
    }

    private DriftReport analyse(DriftReport.Trigger trigger, ClockReading at) {
        UUID id = UUID.randomUUID();
        Instant now = wall.instant();
        String model = properties.modelName();
        MonitoringProperties.Drift settings = properties.drift();
        Long version = null;
        int referenceSize = 0;
        CurrentSample current = null;
        try {
            Optional<ChampionReference> reference = references.champion(model);
            if (reference.isEmpty()) {
                return report(
                        id,
                        now,
                        at,
                        trigger,
                        null,
                        DriftVerdict.NOT_ENOUGH_DATA,
                        "model '" + model + "' has no champion in the registry",
                        0,
                        null);
            }
            version = reference.get().version();
            referenceSize = reference.get().sample().size();
            current = windows.read(model, version, settings, clock.dataClock() ? at.local() : null);
            DriftAnalyzer.Analysis analysis =
                    new DriftAnalyzer(settings).analyze(reference.get().sample(), current);
            return new DriftReport(
                    id,
                    now,
                    at.local(),
                    trigger,
                    model,
                    version,
                    analysis.verdict(),
                    analysis.detail(),
                    referenceSize,
                    current.size(),
                    window(current),
                    settings(),
                    analysis.driftShare(),
                    analysis.driftedFeatures(),
                    analysis.driftedCalendarFeatures(),
                    analysis.predictionDrift(),
                    analysis.weatherReference(),
                    analysis.features());
        } catch (RuntimeException e) {
            log.warn("drift check {} failed", id, e);
            return report(
                    id,
                    now,
                    at,
                    trigger,
                    version,
                    DriftVerdict.ERROR,
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    referenceSize,
                    current);
        }
    }

    private DriftReport report(
            UUID id,
            Instant now,
            ClockReading at,
            DriftReport.Trigger trigger,
            Long version,
            DriftVerdict verdict,
            String detail,
            int referenceSize,
            CurrentSample current) {
        return new DriftReport(
                id,
                now,
                at.local(),
                trigger,
                properties.modelName(),
                version,
                verdict,
                detail,
                referenceSize,
                current == null ? 0 : current.size(),
                window(current),
                settings(),
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of());
    }

    private DriftReport.Window window(CurrentSample current) {
        MonitoringProperties.Drift settings = properties.drift();
        return new DriftReport.Window(
                settings.windowMode(),
                settings.windowSize(),
                settings.windowHours(),
                current == null ? null : current.firstHour(),
                current == null ? null : current.lastHour(),
                current == null ? null : current.from(),
                current == null ? null : current.to());
    }

    private DriftReport.Settings settings() {
        MonitoringProperties.Drift s = properties.drift();
        return new DriftReport.Settings(
                s.alpha(),
                s.correction(),
                s.ksMinStatistic(),
                s.chiSquareMinDistance(),
                s.datasetDriftShare(),
                s.minCurrentSize(),
                s.minReferenceSize(),
                s.seasonalWindow());
    }
}
