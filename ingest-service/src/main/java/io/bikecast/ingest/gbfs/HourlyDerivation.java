package io.bikecast.ingest.gbfs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one new snapshot adds to the hourly rows of its stations. The step from the previous snapshot to this one is
 * put in the hour (of the system's time zone) that holds this snapshot's {@code last_updated}:
 *
 * <ul>
 *   <li>a drop of available vehicles counts as departures, a rise as arrivals;
 *   <li>a change of at least {@code rebalancingThreshold} vehicles is a rebalancing step: counted apart, in neither;
 *   <li>the snapshot flags the hour {@code empty} (0 vehicles), {@code full} (0 docks), {@code not_renting},
 *       {@code not_installed}, and counts as a fresh report if its {@code last_reported} falls in the hour;
 *   <li>hours strictly between the previous snapshot's and this one's get a row with no snapshot (so
 *       {@code not_reporting}), if the gap is at most {@code maxGapFill}.
 * </ul>
 *
 * A station that was not in the previous snapshot contributes no step, only its flags.
 *
 * <p>The series hour of a row, the hour its observation takes, is its local hour: a station's series is in its own
 * system's wall clock, so that its calendar features (hour of day, weekday, working day) are those its riders live by.
 * In the autumn change the two hours 01:00 share one series hour, as the UCI data's single row for it does.
 */
final class HourlyDerivation {

    /** An addition to one station hour; the store adds it to the row, or inserts the row. */
    record Increment(
            String stationId,
            Instant hourStart,
            LocalDateTime localHour,
            LocalDateTime seriesHour,
            int departures,
            int arrivals,
            int rebalancingSteps,
            int rebalanced,
            int snapshots,
            int freshReports,
            boolean empty,
            boolean full,
            boolean notRenting,
            boolean notInstalled) {}

    private final ZoneId zone;
    private final int rebalancingThreshold;
    private final Duration maxGapFill;

    HourlyDerivation(ZoneId zone, int rebalancingThreshold, Duration maxGapFill) {
        this.zone = zone;
        this.rebalancingThreshold = rebalancingThreshold;
        this.maxGapFill = maxGapFill;
    }

    /** The start of the hour, in {@code zone}, that holds {@code instant}. */
    ZonedDateTime hourOf(Instant instant) {
        return instant.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * @param previous the stations of the previous snapshot by id, empty if there is none
     * @param previousUpdated the previous snapshot's {@code last_updated}, null if there is none
     */
    List<Increment> increments(
            Map<String, Feeds.StationState> previous, @Nullable Instant previousUpdated, Feeds.StationStatus current) {
        ZonedDateTime hour = hourOf(current.lastUpdated());
        Instant start = hour.toInstant();
        Instant end = hour.plusHours(1).toInstant();
        List<ZonedDateTime> gap = gap(previousUpdated, hour);
        List<Increment> increments = new ArrayList<>(current.stations().size() * (1 + gap.size()));
        for (Feeds.StationState state : current.stations()) {
            for (ZonedDateTime missing : gap) {
                increments.add(new Increment(
                        state.stationId(),
                        missing.toInstant(),
                        missing.toLocalDateTime(),
                        missing.toLocalDateTime(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        false,
                        false,
                        false,
                        false));
            }
            int departures = 0;
            int arrivals = 0;
            int rebalancingSteps = 0;
            int rebalanced = 0;
            Feeds.StationState before = previous.get(state.stationId());
            if (before != null) {
                int delta = state.vehicles() - before.vehicles();
                if (Math.abs(delta) >= rebalancingThreshold) {
                    rebalancingSteps = 1;
                    rebalanced = Math.abs(delta);
                } else if (delta < 0) {
                    departures = -delta;
                } else {
                    arrivals = delta;
                }
            }
            Instant reported = state.lastReported();
            boolean fresh = reported != null && !reported.isBefore(start) && reported.isBefore(end);
            increments.add(new Increment(
                    state.stationId(),
                    start,
                    hour.toLocalDateTime(),
                    hour.toLocalDateTime(),
                    departures,
                    arrivals,
                    rebalancingSteps,
                    rebalanced,
                    1,
                    fresh ? 1 : 0,
                    state.vehicles() == 0,
                    state.docks() != null && state.docks() == 0,
                    !state.renting(),
                    !state.installed()));
        }
        return increments;
    }

    /** The hours strictly between the previous snapshot's and {@code hour}, none if the gap is too long. */
    private List<ZonedDateTime> gap(@Nullable Instant previousUpdated, ZonedDateTime hour) {
        if (previousUpdated == null
                || Duration.between(previousUpdated, hour.toInstant()).compareTo(maxGapFill) > 0) {
            return List.of();
        }
        List<ZonedDateTime> hours = new ArrayList<>();
        for (ZonedDateTime h = hourOf(previousUpdated).plusHours(1); h.isBefore(hour); h = h.plusHours(1)) {
            hours.add(h);
        }
        return hours;
    }
}
