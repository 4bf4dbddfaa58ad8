package io.bikecast.monitoring.drift;

import io.bikecast.monitoring.champion.ChampionReference;
import io.bikecast.monitoring.champion.ReferenceProvider;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs a drift check: the champion's reference against the current window of its served predictions; stores the
 * report whatever its verdict (a failure is stored as {@code ERROR}, never as "no drift"), updates the metrics, and
 * announces it ({@link DriftChecked}) to whatever acts on it.
 */
@Service
public class DriftCheckService {

    private static final Logger log = LoggerFactory.getLogger(DriftCheckService.class);

    private final ReferenceProvider references;
    private final CurrentWindowReader windows;
    private final DriftReportStore reports;
    private final DriftMetrics metrics;
    private final ApplicationEventPublisher events;
    private final String modelName;
    private final DriftProperties settings;
    private final MonitoringClock clock;
    private final Clock wall;

    DriftCheckService(
            ReferenceProvider references,
            CurrentWindowReader windows,
            DriftReportStore reports,
            DriftMetrics metrics,
            ApplicationEventPublisher events,
            MonitoringProperties properties,
            DriftProperties settings,
            MonitoringClock clock,
            Clock wall) {
        this.references = references;
        this.windows = windows;
        this.reports = reports;
        this.metrics = metrics;
        this.events = events;
        this.modelName = properties.modelName();
        this.settings = settings;
        this.clock = clock;
        this.wall = wall;
    }

    /** Runs one check now, on the monitoring clock; see {@link #check(DriftReport.Trigger, ClockReading)}. */
    public DriftReport check(DriftReport.Trigger trigger) {
        return check(trigger, clock.now());
    }

    /**
     * Runs one check at a clock reading, stores and returns its report, and announces it as {@link DriftChecked};
     * synchronized so two triggers never interleave. Under the data clock an hour window ends at the reading. What a
     * listener fails to do is logged, not thrown: the report stands, and the next check acts again.
     */
    public synchronized DriftReport check(DriftReport.Trigger trigger, ClockReading at) {
        DriftReport report = analyse(trigger, at);
        reports.save(report);
        metrics.checked(report);
        log.info(
                "drift check {} of {} v{}: {} ({})",
                report.id(),
                report.modelName(),
                report.modelVersion(),
                report.verdict(),
                report.detail());
        try {
            events.publishEvent(new DriftChecked(report, at));
        } catch (RuntimeException e) {
            log.error("could not act on drift report {}; the next check tries again", report.id(), e);
        }
        return report;
    }

    /** The clock time of the latest scheduled check, if one ran: where the data clock's next one is due from. */
    public Optional<LocalDateTime> lastScheduledCheck() {
        return reports.lastScheduledClockTime();
    }

    private DriftReport analyse(DriftReport.Trigger trigger, ClockReading at) {
        UUID id = UUID.randomUUID();
        Instant now = wall.instant();
        Long version = null;
        int referenceSize = 0;
        CurrentSample current = null;
        try {
            Optional<ChampionReference> reference = references.champion(modelName);
            if (reference.isEmpty()) {
                return report(
                        id,
                        now,
                        at,
                        trigger,
                        null,
                        DriftVerdict.NOT_ENOUGH_DATA,
                        "model '" + modelName + "' has no champion in the registry",
                        0,
                        null);
            }
            version = reference.get().version();
            referenceSize = reference.get().sample().size();
            current = windows.read(modelName, version, settings, clock.dataClock() ? at.local() : null);
            DriftAnalyzer.Analysis analysis =
                    new DriftAnalyzer(settings).analyze(reference.get().sample(), current);
            return new DriftReport(
                    id,
                    now,
                    at.local(),
                    trigger,
                    modelName,
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
                modelName,
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
        return new DriftReport.Settings(
                settings.alpha(),
                settings.correction(),
                settings.ksMinStatistic(),
                settings.chiSquareMinDistance(),
                settings.datasetDriftShare(),
                settings.minCurrentSize(),
                settings.minReferenceSize(),
                settings.seasonalWindow());
    }
}
