package io.bikecast.ingest.gbfs;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.source.HostResolver;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The GBFS feature's steps one at a time, for {@code GbfsPollingBenchmark} in another package: a poll as the scheduler
 * runs it, a publication of closed hours, and the download and parse of a poll and the in-memory derivation of its
 * hours on their own, which a poll does without telling apart.
 */
public final class GbfsBenchmarkDriver {

    /** The download and parse of a system's four files, and the derivation of the hours from the last two. */
    public record Steps(long downloadAndParseNanos, long deriveNanos, int increments) {}

    private final GbfsPoller poller;
    private final StationObservations observations;
    private final GbfsProperties properties;
    private final GbfsClient client;
    private final Map<String, Feeds.StationStatus> previous = new HashMap<>();

    private GbfsBenchmarkDriver(ApplicationContext context) {
        this.poller = context.getBean(GbfsPoller.class);
        this.observations = context.getBean(StationObservations.class);
        this.properties = context.getBean(GbfsProperties.class);
        this.client =
                GbfsClient.of(properties, context.getBean(IngestProperties.class), context.getBean(HostResolver.class));
    }

    public static GbfsBenchmarkDriver of(ApplicationContext context) {
        return new GbfsBenchmarkDriver(context);
    }

    /**
     * Polls the system now, as the scheduler does: download, parse, store the stations, the snapshot and its station
     * hours in one transaction.
     *
     * @return the outcome ({@code STORED}, ...)
     * @throws IllegalStateException if the poll failed
     */
    public String poll(String system) {
        GbfsPoller.Result result = poller.pollOnce(system);
        if (result.outcome() == GbfsPoller.Outcome.FAILED) {
            throw new IllegalStateException(
                    "the poll of " + system + " failed: " + result.reason() + " " + result.detail());
        }
        return result.outcome().name();
    }

    /** Turns the system's closed hours with weather into observations; returns how many were published. */
    public int publish(String system) {
        return observations.publish(system).published();
    }

    /**
     * Downloads and parses the four files as a poll does, storing nothing, then derives the station-hour increments of
     * this snapshot against the previous one this method read, in memory.
     */
    public Steps downloadParseAndDerive(String system) {
        GbfsProperties.Feed feed = properties.system(system).orElseThrow();
        long start = System.nanoTime();
        Feeds.Discovery discovery = client.discover(feed.autoDiscoveryUrl(), feed.language());
        Feeds.SystemInformation info = client.systemInformation(discovery, feed.language());
        client.stationInformation(discovery, feed.language());
        Feeds.StationStatus status = client.stationStatus(discovery);
        long parsed = System.nanoTime();
        Feeds.StationStatus before = previous.put(system, status);
        Map<String, Feeds.StationState> byId = new HashMap<>();
        if (before != null) {
            before.stations().forEach(s -> byId.put(s.stationId(), s));
        }
        int increments = new HourlyDerivation(
                        info.timezone(), properties.rebalancingThreshold(), properties.maxGapFill())
                .increments(byId, before == null ? null : before.lastUpdated(), status)
                .size();
        return new Steps(parsed - start, System.nanoTime() - parsed, increments);
    }
}
