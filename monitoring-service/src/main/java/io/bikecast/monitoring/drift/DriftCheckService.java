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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs a drift check of one monitored model (the default one or a model family): its champion's reference, as the
 * training service's registry gives it for that model, against the current window of that model's served
 * predictions; stores the report whatever its verdict (a failure is stored as {@code ERROR}, never as "no drift"),
 * updates the metrics, and announces it ({@link DriftChecked}) to whatever acts on it.
 *
 * <p>A scheduled check of a model without a champion yet (a family not trained so far) is skipped, not stored: a
 * {@code NOT_ENOUGH_DATA} report per model and interval until its first run would bury the reports that say
 * something. The skip is logged once per model until it has a champion; a check asked for through the API is
 * answered (and stored) whatever the state.
 */
@Service
public class DriftCheckService {

    private static final Logger log = LoggerFactory.getLogger(DriftCheckService.class);

    private final ReferenceProvider references;
    private final CurrentWindowReader windows;
    private final DriftReportStore reports;
    private final DriftMetrics metrics;
    private final ApplicationEventPublisher events;
    private final MonitoringProperties models;
    private final DriftProperties settings;
    private final MonitoringClock clock;
    private final Clock wall;
    private final Set<String> skipLogged = ConcurrentHashMap.newKeySet();

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
        this.models = properties;
        this.settings = settings;
        this.clock = clock;
        this.wall = wall;
    }

    /** Runs one check of the model now, on the monitoring clock, as {@code check} at a clock reading does. */
    public DriftReport check(String modelName, DriftReport.Trigger trigger) {
        return check(modelName, trigger, clock.now());
    }

    /**
     * Runs one check of a monitored model at a clock reading, stores and returns its report, and announces it as
     * {@link DriftChecked}; synchronized so two triggers never interleave. Under the data clock an hour window ends at
     * the reading. What a listener fails to do is logged, not thrown: the report stands, and the next check acts
     * again.
     */
    public synchronized DriftReport check(String modelName, DriftReport.Trigger trigger, ClockReading at) {
        return stored(analyse(modelName, trigger, at), at);
    }

    /**
     * The scheduled check of a model at a clock reading, or empty when it was skipped because the model has no
     * champion yet (nothing stored, nothing announced). A registry that cannot be reached is an {@code ERROR} report,
     * as for any check: whether the model has a champion is unknown then.
     */
    public synchronized Optional<DriftReport> scheduled(String modelName, ClockReading at) {
        DriftReport report = analyse(modelName, DriftReport.Trigger.SCHEDULE, at);
        if (report.verdict() == DriftVerdict.NOT_ENOUGH_DATA && report.modelVersion() == null) {
            if (skipLogged.add(modelName)) {
                log.info("scheduled drift checks skip {} until it has a champion: {}", modelName, report.detail());
            }
            return Optional.empty();
        }
        skipLogged.remove(modelName);
        return Optional.of(stored(report, at));
    }

    /**
     * The clock time of the model's latest scheduled check, if one ran: where the data clock's next one is due from.
     */
    public Optional<LocalDateTime> lastScheduledCheck(String modelName) {
        return reports.lastScheduledClockTime(modelName);
    }

    private DriftReport stored(DriftReport report, ClockReading at) {
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

    private DriftReport analyse(String modelName, DriftReport.Trigger trigger, ClockReading at) {
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
                        modelName,
                        null,
                        DriftVerdict.NOT_ENOUGH_DATA,
                        "model '" + modelName + "' has no champion in the registry (not trained yet, or the training"
                                + " service trains no model of that name)",
                        0,
                        null);
            }
            version = reference.get().version();
            referenceSize = reference.get().sample().size();
            current = windows.read(
                    modelName,
                    version,
                    models.seriesPrefix(modelName).orElse(null),
                    settings,
                    clock.dataClock() ? at.local() : null);
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
                    current.seriesCount(),
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
                    modelName,
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
            String modelName,
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
                current == null ? null : current.seriesCount(),
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
