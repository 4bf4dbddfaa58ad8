package io.bikecast.ingest.gbfs;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * GBFS station feeds ({@code bikecast.ingest.gbfs.*}). No system is configured by default, so nothing is polled.
 * Downloads obey {@code bikecast.ingest.fetch.allowed-hosts}, {@code allowed-addresses} and {@code max-redirects} like
 * every other download of the service.
 *
 * @param systems the systems to poll (default none)
 * @param minPollInterval the shortest time between two polls of a system, whatever the feed's {@code ttl} says
 *     (default 60s); also the first back-off after a failed poll
 * @param maxPollInterval the longest time between two polls of a system (default 15m): a larger {@code ttl}, or a
 *     back-off that kept doubling, is cut to this
 * @param maxPayloadSize the largest feed file read (default 16MB); a larger one fails the poll with reason
 *     {@code TOO_LARGE} after reading no more than this
 * @param rebalancingThreshold a change of at least this many vehicles between two snapshots of a station (default 10)
 *     is taken for a rebalancing truck, not riders: the hour is flagged {@code rebalancing} and the step counts
 *     neither as departures nor as arrivals
 * @param outageAlertAfter how long a system may fail every poll before a WARN is logged and the outage gauge turns to
 *     1 (default 30m)
 * @param connectTimeout how long to wait for the TCP connection to a feed (default 5s)
 * @param readTimeout how long any single read of a feed may wait for data (default 20s)
 * @param fileTimeout how long a whole file may take to arrive (default 60s), so that a server sending a byte now and
 *     then cannot hold the poller for longer
 * @param scheduler whether polls run on their own (default true); tests turn it off and poll by hand
 * @param tick how often the scheduler looks for systems that are due (default 5s)
 * @param maxGapFill the longest gap between two snapshots whose hours are filled with {@code not_reporting} rows
 *     (default 7d); hours of a longer outage simply have no row
 * @param snapshotRetention how long raw {@code station_status} snapshots are kept, by the feed's clock: a snapshot
 *     whose {@code last_updated} is older than this before the system's newest one is deleted (default 30d), unless
 *     its hour is still open. Its movements live on in the station hours, which are never deleted; the snapshots
 *     themselves are only needed to derive the next step
 * @param snapshotDeleteBatch the most snapshots one retention run of a system deletes (default 500), so that the first
 *     run over a long history does not hold one huge transaction: the next tick goes on
 */
@ConfigurationProperties("bikecast.ingest.gbfs")
public record GbfsProperties(
        @DefaultValue List<Feed> systems,
        @DefaultValue("60s") Duration minPollInterval,
        @DefaultValue("15m") Duration maxPollInterval,
        @DefaultValue("16MB") DataSize maxPayloadSize,
        @DefaultValue("10") int rebalancingThreshold,
        @DefaultValue("30m") Duration outageAlertAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("60s") Duration fileTimeout,
        @DefaultValue("true") boolean scheduler,
        @DefaultValue("5s") Duration tick,
        @DefaultValue("7d") Duration maxGapFill,
        @DefaultValue("30d") Duration snapshotRetention,
        @DefaultValue("500") int snapshotDeleteBatch) {

    /** What a system id must match: short enough to leave room for the station in a 64-character series id. */
    static final Pattern SYSTEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");

    public GbfsProperties {
        if (minPollInterval.isNegative()
                || minPollInterval.isZero()
                || maxPollInterval.compareTo(minPollInterval) < 0) {
            throw new IllegalArgumentException("bikecast.ingest.gbfs: min-poll-interval must be positive and at most"
                    + " max-poll-interval, but they are " + minPollInterval + " and " + maxPollInterval);
        }
        if (rebalancingThreshold < 1) {
            throw new IllegalArgumentException(
                    "bikecast.ingest.gbfs.rebalancing-threshold must be at least 1, but is " + rebalancingThreshold);
        }
        if (snapshotRetention.isNegative() || snapshotRetention.isZero() || snapshotDeleteBatch < 1) {
            throw new IllegalArgumentException("bikecast.ingest.gbfs: snapshot-retention must be positive and"
                    + " snapshot-delete-batch at least 1, but they are " + snapshotRetention + " and "
                    + snapshotDeleteBatch);
        }
        var ids = new HashSet<String>();
        for (Feed system : systems) {
            if (!ids.add(system.id())) {
                throw new IllegalArgumentException("bikecast.ingest.gbfs.systems names '" + system.id() + "' twice");
            }
        }
    }

    /** The system of the given id, enabled or not. */
    java.util.Optional<Feed> system(String id) {
        return systems.stream().filter(system -> system.id().equals(id)).findFirst();
    }

    /**
     * One bike-share system and its feed.
     *
     * @param id the system's name in bikecast: 1 to 24 lower-case letters, digits and {@code -}, starting with a letter
     *     or digit; the first part of every series id of its stations, so it must never change
     * @param autoDiscoveryUrl the URL of its {@code gbfs.json}
     * @param enabled whether it is polled (default true)
     * @param language which language's feeds to read from a GBFS 2.x {@code gbfs.json}, and which name to keep from a
     *     3.x station's localized names (default {@code en}; the first one listed if the feed has no such language)
     * @param timeZone the IANA zone (e.g. {@code Europe/Paris}) whose local hours the stations' hours and series are
     *     in, for a feed whose {@code system_information.timezone} is wrong (default none: the feed's). An unknown zone
     *     fails that system's polls with reason {@code INVALID}, and the other systems go on
     */
    public record Feed(
            String id,
            String autoDiscoveryUrl,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("en") String language,
            @Nullable String timeZone) {

        public Feed {
            if (id == null || !SYSTEM_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("bikecast.ingest.gbfs.systems[].id must match " + SYSTEM_ID.pattern()
                        + " but was " + (id == null ? "missing" : "'" + id + "'"));
            }
            if (autoDiscoveryUrl == null || autoDiscoveryUrl.isBlank()) {
                throw new IllegalArgumentException(
                        "bikecast.ingest.gbfs.systems[].auto-discovery-url is missing for system '" + id + "'");
            }
        }
    }
}
