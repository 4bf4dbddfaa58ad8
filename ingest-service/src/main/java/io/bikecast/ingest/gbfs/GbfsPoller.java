package io.bikecast.ingest.gbfs;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.source.HostResolver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls the configured GBFS systems. Each poll reads {@code gbfs.json}, {@code system_information},
 * {@code station_information} and {@code station_status}, and in one transaction stores the stations, the snapshot
 * and what it adds to the station hours, and the poll's outcome. A poll never throws: whatever goes wrong becomes a
 * {@code FAILED} poll with its reason, and the next poll of the system waits {@code min-poll-interval}, doubled after
 * every further failure up to {@code max-poll-interval}. After a success it waits the feed's {@code ttl}, clamped to
 * the same bounds.
 *
 * <p>Time comes from the {@link InstantSource} bean, so tests drive polls with {@link #pollOnce} on a clock of their
 * own and never sleep.
 */
@Component
class GbfsPoller {

    private static final Logger log = LoggerFactory.getLogger(GbfsPoller.class);

    /** What one poll did. */
    enum Outcome {
        /** A new snapshot was stored. */
        STORED,
        /** The feed's snapshot was stored before. */
        UNCHANGED,
        /** The feed's snapshot is older than the latest stored one; not stored. */
        OUT_OF_ORDER,
        /** The poll failed; the reason is recorded. */
        FAILED
    }

    /** A poll's outcome, for tests and logs. */
    record Result(
            Outcome outcome,
            FeedFailure.@Nullable Reason reason,
            @Nullable String detail) {}

    /** The poller's view of one system; read by the gauges. */
    static final class SystemState {
        volatile Instant nextDue = Instant.MIN;
        volatile int consecutiveFailures;
        volatile @Nullable Instant lastSuccess;
        volatile @Nullable Instant failingSince;
        volatile boolean outage;
        volatile @Nullable Instant stationInformationUpdated;
        /** Of the last snapshot read: stations reporting, empty and full; NaN before the first. */
        volatile double reporting = Double.NaN;

        volatile double empty = Double.NaN;
        volatile double full = Double.NaN;
    }

    /** How recent a station's {@code last_reported} must be, before the snapshot's time, to count as reporting. */
    static final Duration REPORTING_WITHIN = Duration.ofHours(1);

    private final GbfsProperties properties;
    private final GbfsClient client;
    private final GbfsStore store;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final InstantSource clock;
    private final Map<String, SystemState> states = new ConcurrentHashMap<>();

    GbfsPoller(
            GbfsProperties properties,
            IngestProperties ingest,
            HostResolver resolver,
            GbfsStore store,
            TransactionTemplate transactions,
            MeterRegistry meters,
            InstantSource clock) {
        this.properties = properties;
        this.client = GbfsClient.of(properties, ingest, resolver);
        this.store = store;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        for (GbfsProperties.Feed system : properties.systems()) {
            if (system.enabled()) {
                register(system.id());
            }
        }
    }

    private void register(String systemId) {
        SystemState state = new SystemState();
        states.put(systemId, state);
        Gauge.builder("bikecast.gbfs.poll.consecutive.failures", state, s -> s.consecutiveFailures)
                .description("Polls of the GBFS system that failed in a row")
                .tag("system", systemId)
                .register(meters);
        Gauge.builder("bikecast.gbfs.poll.last.success.timestamp", state, s -> {
                    Instant last = s.lastSuccess;
                    return last == null ? Double.NaN : last.getEpochSecond();
                })
                .description("When a poll of the GBFS system last succeeded, in seconds since the epoch")
                .baseUnit("seconds")
                .tag("system", systemId)
                .register(meters);
        Gauge.builder("bikecast.gbfs.outage", state, s -> s.outage ? 1 : 0)
                .description("1 while the GBFS system has failed every poll for longer than outage-alert-after")
                .tag("system", systemId)
                .register(meters);
        Gauge.builder("bikecast.gbfs.stations.reporting", state, s -> s.reporting)
                .description("Stations of the system's last snapshot that are installed and reported within the hour"
                        + " before it")
                .tag("system", systemId)
                .register(meters);
        Gauge.builder("bikecast.gbfs.stations.empty", state, s -> s.empty)
                .description("Stations of the system's last snapshot with no vehicle available")
                .tag("system", systemId)
                .register(meters);
        Gauge.builder("bikecast.gbfs.stations.full", state, s -> s.full)
                .description("Stations of the system's last snapshot with no dock available")
                .tag("system", systemId)
                .register(meters);
    }

    /** Polls every enabled system whose next poll is due. */
    void pollDue() {
        Instant now = clock.instant();
        for (Map.Entry<String, SystemState> entry : states.entrySet()) {
            if (!now.isBefore(entry.getValue().nextDue)) {
                pollOnce(entry.getKey());
            }
        }
    }

    /** When the system is polled next, if it is polled. */
    Optional<Instant> nextDue(String systemId) {
        return Optional.ofNullable(states.get(systemId)).map(s -> s.nextDue);
    }

    /** The system's state, if it is polled. */
    Optional<SystemState> state(String systemId) {
        return Optional.ofNullable(states.get(systemId));
    }

    /**
     * Polls one enabled system now, whatever its schedule, and schedules its next poll.
     *
     * @throws IllegalArgumentException if no enabled system has this id
     */
    synchronized Result pollOnce(String systemId) {
        GbfsProperties.Feed system = properties
                .system(systemId)
                .filter(GbfsProperties.Feed::enabled)
                .orElseThrow(() -> new IllegalArgumentException("No enabled GBFS system '" + systemId + "'"));
        SystemState state = states.get(systemId);
        Instant started = clock.instant();
        Result result;
        Duration ttl = null;
        try {
            ZoneId configuredZone = configuredZone(system);
            Feeds.Discovery discovery = client.discover(system.autoDiscoveryUrl(), system.language());
            Feeds.SystemInformation info = client.systemInformation(discovery, system.language());
            Feeds.StationInformation stations = client.stationInformation(discovery, system.language());
            Feeds.StationStatus status = client.stationStatus(discovery);
            Integer seconds = status.ttl() != null ? status.ttl() : discovery.ttl();
            ttl = seconds == null ? null : Duration.ofSeconds(Math.max(0, seconds));
            ZoneId zone = configuredZone == null ? info.timezone() : configuredZone;
            result = transactions.execute(tx -> store(systemId, state, started, info, zone, stations, status));
        } catch (FeedFailure failure) {
            result = new Result(Outcome.FAILED, failure.reason(), failure.getMessage());
        } catch (RuntimeException e) {
            log.error("Polling GBFS system {} failed unexpectedly", systemId, e);
            result = new Result(Outcome.FAILED, FeedFailure.Reason.INTERNAL, String.valueOf(e.getMessage()));
        }
        Instant finished = clock.instant();
        if (result.outcome() == Outcome.FAILED) {
            try {
                store.recordPoll(new GbfsStore.Poll(
                        0,
                        systemId,
                        started,
                        finished,
                        Outcome.FAILED.name(),
                        result.reason().name(),
                        result.detail(),
                        null,
                        null,
                        null,
                        null,
                        null));
            } catch (RuntimeException e) {
                log.warn("Could not record the failed poll of GBFS system {}: {}", systemId, e.getMessage());
            }
            failed(systemId, state, started, result);
        } else {
            succeeded(state, started, ttl);
        }
        Counter.builder("bikecast.gbfs.polls")
                .description("Polls of GBFS systems, by outcome")
                .tag("system", systemId)
                .tag("outcome", result.outcome().name())
                .tag(
                        "reason",
                        result.reason() == null ? "none" : result.reason().name())
                .register(meters)
                .increment();
        return result;
    }

    private Result store(
            String systemId,
            SystemState state,
            Instant started,
            Feeds.SystemInformation info,
            ZoneId zone,
            Feeds.StationInformation stations,
            Feeds.StationStatus status) {
        store.lock(systemId);
        Instant now = clock.instant();
        store.saveSystem(
                systemId,
                info.name().isBlank() ? null : info.name(),
                info.timezone().getId(),
                zone.getId(),
                now);
        if (!stations.lastUpdated().equals(state.stationInformationUpdated)) {
            store.upsertStations(systemId, stations.stations(), now);
        }
        Optional<Instant> latest = store.latestSnapshot(systemId);
        Outcome outcome;
        if (latest.isPresent() && status.lastUpdated().isBefore(latest.get())) {
            outcome = Outcome.OUT_OF_ORDER;
        } else {
            Map<String, Feeds.StationState> previous = latest.isPresent() ? store.latestStations(systemId) : Map.of();
            if (store.insertSnapshot(systemId, status, now)) {
                HourlyDerivation derivation =
                        new HourlyDerivation(zone, properties.rebalancingThreshold(), properties.maxGapFill());
                store.addToHours(systemId, derivation.increments(previous, latest.orElse(null), status));
                store.closeHoursBefore(systemId, status.lastUpdated());
                outcome = Outcome.STORED;
            } else {
                outcome = Outcome.UNCHANGED;
            }
        }
        String detail = outcome == Outcome.OUT_OF_ORDER
                ? "station_status last_updated " + status.lastUpdated() + " is older than the latest stored snapshot "
                        + latest.get() + "; not stored."
                : null;
        store.recordPoll(new GbfsStore.Poll(
                0,
                systemId,
                started,
                clock.instant(),
                outcome.name(),
                null,
                detail,
                status.version(),
                status.lastUpdated(),
                status.ttl(),
                status.stations().size(),
                status.skipped()));
        // Only once the transaction holds the stations is the station_information known to be stored.
        state.stationInformationUpdated = stations.lastUpdated();
        if (outcome != Outcome.OUT_OF_ORDER) {
            count(state, status);
        }
        return new Result(outcome, null, detail);
    }

    /** The zone configured for the system ({@code time-zone}), null for the feed's. */
    private static @Nullable ZoneId configuredZone(GbfsProperties.Feed system) {
        if (system.timeZone() == null || system.timeZone().isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(system.timeZone());
        } catch (DateTimeException e) {
            throw new FeedFailure(
                    FeedFailure.Reason.INVALID,
                    "bikecast.ingest.gbfs.systems[].time-zone of system '" + system.id() + "' is '" + system.timeZone()
                            + "', not a known time zone: give an IANA id such as Europe/Paris, or none to use the"
                            + " feed's system_information.timezone.");
        }
    }

    /** Sets the station gauges from the snapshot just read, which is the newest stored one. */
    private static void count(SystemState state, Feeds.StationStatus status) {
        Instant since = status.lastUpdated().minus(REPORTING_WITHIN);
        int reporting = 0;
        int empty = 0;
        int full = 0;
        for (Feeds.StationState station : status.stations()) {
            Instant reported = station.lastReported();
            if (station.installed() && reported != null && !reported.isBefore(since)) {
                reporting++;
            }
            if (station.vehicles() == 0) {
                empty++;
            }
            if (station.docks() != null && station.docks() == 0) {
                full++;
            }
        }
        state.reporting = reporting;
        state.empty = empty;
        state.full = full;
    }

    private void succeeded(SystemState state, Instant started, @Nullable Duration ttl) {
        state.consecutiveFailures = 0;
        state.lastSuccess = started;
        state.failingSince = null;
        state.outage = false;
        state.nextDue = started.plus(clamp(ttl == null ? properties.minPollInterval() : ttl));
    }

    private void failed(String systemId, SystemState state, Instant started, Result result) {
        state.stationInformationUpdated = null;
        int failures = ++state.consecutiveFailures;
        if (state.failingSince == null) {
            state.failingSince = state.lastSuccess == null ? started : state.lastSuccess;
        }
        Duration backOff = properties.minPollInterval().multipliedBy(1L << Math.min(failures - 1, 20));
        state.nextDue = started.plus(clamp(backOff));
        Duration down = Duration.between(state.failingSince, started);
        if (!state.outage && down.compareTo(properties.outageAlertAfter()) > 0) {
            state.outage = true;
            Counter.builder("bikecast.gbfs.outage.alerts")
                    .description("Times a GBFS system had been failing for longer than outage-alert-after")
                    .tag("system", systemId)
                    .register(meters)
                    .increment();
            log.warn(
                    "GBFS system {} has been down for {} ({} failed polls in a row, the last: {} {})",
                    systemId,
                    down,
                    failures,
                    result.reason(),
                    result.detail());
        } else {
            log.info(
                    "Poll of GBFS system {} failed ({} in a row): {} {}",
                    systemId,
                    failures,
                    result.reason(),
                    result.detail());
        }
    }

    private Duration clamp(Duration interval) {
        if (interval.compareTo(properties.minPollInterval()) < 0) {
            return properties.minPollInterval();
        }
        return interval.compareTo(properties.maxPollInterval()) > 0 ? properties.maxPollInterval() : interval;
    }
}
