package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hour a step lands in, across daylight-saving changes and in a zone other than the series zone. */
class HourlyDerivationTest {

    private static Feeds.StationStatus status(Instant at, int vehicles) {
        return new Feeds.StationStatus(
                "2.3", at, 60, List.of(new Feeds.StationState("1", vehicles, 10, true, true, true, at)), 0);
    }

    private static Map<String, Feeds.StationState> before(int vehicles) {
        return Map.of("1", new Feeds.StationState("1", vehicles, 10, true, true, true, Instant.EPOCH));
    }

    @Test
    void theTwoOneOClocksOfTheAutumnChangeAreTwoHours() {
        HourlyDerivation derivation = new HourlyDerivation(ZoneId.of("America/New_York"), 10, Duration.ofDays(7));
        // 2026-11-01: 01:30 EDT is 05:30Z, 01:30 EST is 06:30Z.
        var first = derivation.increments(
                before(5), Instant.parse("2026-11-01T05:15:00Z"), status(Instant.parse("2026-11-01T05:30:00Z"), 3));
        var second = derivation.increments(
                before(3), Instant.parse("2026-11-01T05:30:00Z"), status(Instant.parse("2026-11-01T06:30:00Z"), 4));

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().hourStart()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(first.getFirst().localHour()).isEqualTo(LocalDateTime.parse("2026-11-01T01:00"));
        assertThat(first.getFirst().departures()).isEqualTo(2);
        // The second 01:00 (EST) is an hour of its own, the same wall-clock hour.
        assertThat(second).hasSize(1);
        assertThat(second.getFirst().hourStart()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(second.getFirst().localHour()).isEqualTo(LocalDateTime.parse("2026-11-01T01:00"));
        assertThat(second.getFirst().arrivals()).isEqualTo(1);
    }

    @Test
    void hoursAndTheSeriesHourAreTheSystemsOwnWallClock() {
        HourlyDerivation derivation = new HourlyDerivation(ZoneId.of("Europe/Paris"), 10, Duration.ofDays(7));
        var increments = derivation.increments(Map.of(), null, status(Instant.parse("2026-06-01T10:20:00Z"), 3));

        assertThat(increments.getFirst().localHour()).isEqualTo(LocalDateTime.parse("2026-06-01T12:00"));
        assertThat(increments.getFirst().seriesHour()).isEqualTo(LocalDateTime.parse("2026-06-01T12:00"));
        assertThat(increments.getFirst().freshReports()).isEqualTo(1);
    }

    @Test
    void aBigStepIsRebalancingAndALongGapIsNotFilled() {
        HourlyDerivation derivation = new HourlyDerivation(ZoneId.of("UTC"), 10, Duration.ofHours(3));
        var jump = derivation.increments(
                before(2), Instant.parse("2026-06-01T10:00:00Z"), status(Instant.parse("2026-06-01T10:15:00Z"), 12));
        assertThat(jump.getFirst().rebalancingSteps()).isEqualTo(1);
        assertThat(jump.getFirst().rebalanced()).isEqualTo(10);
        assertThat(jump.getFirst().arrivals()).isZero();

        var shortGap = derivation.increments(
                before(2), Instant.parse("2026-06-01T10:50:00Z"), status(Instant.parse("2026-06-01T13:10:00Z"), 1));
        assertThat(shortGap)
                .extracting(HourlyDerivation.Increment::hourStart)
                .containsExactly(
                        Instant.parse("2026-06-01T11:00:00Z"),
                        Instant.parse("2026-06-01T12:00:00Z"),
                        Instant.parse("2026-06-01T13:00:00Z"));
        assertThat(shortGap.getFirst().snapshots()).isZero();

        var longGap = derivation.increments(
                before(2), Instant.parse("2026-06-01T00:50:00Z"), status(Instant.parse("2026-06-01T13:10:00Z"), 1));
        assertThat(longGap).hasSize(1);
        assertThat(longGap.getFirst().departures()).isEqualTo(1);
    }
}
