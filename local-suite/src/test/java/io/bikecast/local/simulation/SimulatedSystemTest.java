package io.bikecast.local.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.testsupport.UciDataset;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated system on its own, over the default week of {@code hour.csv}: what makes ingest's derivation exact
 * (steps of departures only or arrivals only, none as large as a rebalancing truck, inside their hours), that the
 * trips are the data set's, and that the same settings give the same system.
 */
class SimulatedSystemTest {

    private static final List<SimulatedHour> HOURS = UciDataset.hours().stream()
            .map(row -> new SimulatedHour(
                    row.dteday().atTime(row.hr(), 0),
                    row.cnt(),
                    row.weathersit(),
                    row.temp(),
                    row.atemp(),
                    row.hum(),
                    row.windspeed()))
            .toList();

    @Test
    void everyStepIsDeparturesOrArrivalsOnlyBelowTheRebalancingThresholdAndInsideItsHour() {
        SimulationSettings settings = SimulationSettings.of(100);
        SimulatedSystem system = SimulatedSystem.generate(settings, HOURS);
        List<SimulatedSystem.Snapshot> snapshots = system.snapshots();
        assertThat(system.hours()).hasSize(7 * 24);
        int[] drops = new int[system.hours().size()];
        int[] rises = new int[system.hours().size()];
        for (int t = 1; t < snapshots.size(); t++) {
            SimulatedSystem.Snapshot before = snapshots.get(t - 1);
            SimulatedSystem.Snapshot after = snapshots.get(t);
            assertThat(after.lastUpdated()).isAfter(before.lastUpdated());
            if (after.hour() < system.hours().size()) {
                SimulatedSystem.Hour hour = system.hours().get(after.hour());
                assertThat(after.lastUpdated())
                        .isAfter(hour.start())
                        .isBefore(hour.start().plusSeconds(3600));
            }
            boolean down = false;
            boolean up = false;
            for (int s = 0; s < before.vehicles().length; s++) {
                int delta = after.vehicles()[s] - before.vehicles()[s];
                assertThat(Math.abs(delta)).isLessThan(settings.rebalancingThreshold());
                assertThat(after.vehicles()[s])
                        .isBetween(0, system.stations().get(s).capacity());
                down |= delta < 0;
                up |= delta > 0;
                if (after.hour() < drops.length) {
                    drops[after.hour()] += Math.max(0, -delta);
                    rises[after.hour()] += Math.max(0, delta);
                }
            }
            assertThat(down && up).as("snapshot %d moves bikes both ways", t).isFalse();
        }
        long trips = 0;
        for (int h = 0; h < system.hours().size(); h++) {
            int departures = 0;
            int arrivals = 0;
            for (int s = 0; s < system.stations().size(); s++) {
                departures += system.departures(h, s);
                arrivals += system.arrivals(h, s);
            }
            // What the snapshots show is what the simulator counts: ingest's derivation can recover it exactly.
            assertThat(drops[h]).isEqualTo(departures);
            assertThat(rises[h]).isEqualTo(arrivals);
            assertThat(departures).isLessThanOrEqualTo(system.hours().get(h).demand());
            trips += departures;
        }
        int demand =
                system.hours().stream().mapToInt(SimulatedSystem.Hour::demand).sum();
        assertThat(trips).isEqualTo(system.trips());
        assertThat(trips + system.turnedAway()).isEqualTo(demand);
        // Mostly uncensored, but not forbidden to run empty or full.
        long censored = 0;
        for (int h = 0; h < system.hours().size(); h++) {
            for (int s = 0; s < system.stations().size(); s++) {
                censored += system.emptyOrFull(h, s) ? 1 : 0;
            }
        }
        assertThat(censored)
                .isLessThan(system.hours().size() * system.stations().size() / 10L);
        System.out.printf(
                "a week of %d stations: %d snapshots, %d trips, %d turned away, %d of %d station hours empty or full%n",
                system.stations().size(),
                snapshots.size(),
                trips,
                system.turnedAway(),
                censored,
                system.hours().size() * system.stations().size());
    }

    @Test
    void unevenWeightsAndTheSameSystemFromTheSameSettings() {
        SimulationSettings settings = SimulationSettings.of(200).window(LocalDate.of(2012, 7, 1), 2);
        SimulatedSystem one = SimulatedSystem.generate(settings, HOURS);
        SimulatedSystem two = SimulatedSystem.generate(settings, HOURS);
        assertThat(one.stations()).isEqualTo(two.stations());
        assertThat(one.snapshots()).hasSameSizeAs(two.snapshots());
        for (int t = 0; t < one.snapshots().size(); t++) {
            assertThat(one.snapshots().get(t).vehicles())
                    .isEqualTo(two.snapshots().get(t).vehicles());
        }
        double[] weights = one.stations().stream()
                .mapToDouble(SimulatedSystem.Station::weight)
                .sorted()
                .toArray();
        assertThat(Arrays.stream(weights).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // A real system's busiest stations see many times the demand of its quietest.
        assertThat(weights[weights.length - 1] / weights[0]).isGreaterThan(10);
        assertThat(one.stations()).allSatisfy(s -> assertThat(s.capacity()).isGreaterThanOrEqualTo(11));
    }

    @Test
    void theOptionsOfTheCommandLine() {
        SimulationSettings defaults = SimulationSettings.parse(List.of("--simulate-gbfs", "50"));
        assertThat(defaults).isEqualTo(SimulationSettings.of(50));
        assertThat(defaults.from()).isEqualTo(LocalDate.of(2012, 9, 1));
        assertThat(defaults.to()).isEqualTo(LocalDate.of(2012, 9, 8));
        SimulationSettings set = SimulationSettings.parse(List.of(
                "--simulate-from",
                "2012-06-01",
                "--simulate-days",
                "2",
                "--simulate-gbfs",
                "300",
                "--simulate-poll-interval",
                "250ms",
                "--simulate-seed",
                "7"));
        assertThat(set.stations()).isEqualTo(300);
        assertThat(set.from()).isEqualTo(LocalDate.of(2012, 6, 1));
        assertThat(set.days()).isEqualTo(2);
        assertThat(set.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.seed()).isEqualTo(7);
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-days", "2")))
                .hasMessageContaining("--simulate-gbfs N is needed");
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-gbfs", "many")))
                .hasMessageContaining("--simulate-gbfs is a whole number, not many");
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-gbfs", "0")))
                .hasMessageContaining("1 to 20000 stations");
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-gbfs", "5", "--simulate-from", "soon")))
                .hasMessageContaining("--simulate-from is a date like 2012-09-01, not soon");
        assertThatThrownBy(() ->
                        SimulationSettings.parse(List.of("--simulate-gbfs", "5", "--simulate-poll-interval", "1m")))
                .hasMessageContaining("a duration like 1s or 250ms, not 1m");
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-gbfs", "5", "--simulate-speed", "2")))
                .hasMessageContaining("unknown argument --simulate-speed");
        assertThatThrownBy(() -> SimulationSettings.parse(List.of("--simulate-gbfs")))
                .hasMessageContaining("--simulate-gbfs needs a value");
    }

    @Test
    void aWmoCodeForEachSituationThatIngestMapsBack() {
        // ingest's WeatherSituations: 0-2 -> 1, 3/45/48 -> 2, light rain and snow -> 3, heavy rain, ice, storms -> 4.
        assertThat(GbfsSimulator.wmoCode(1)).isIn(0, 1, 2);
        assertThat(GbfsSimulator.wmoCode(2)).isIn(3, 45, 48);
        assertThat(GbfsSimulator.wmoCode(3)).isIn(51, 53, 55, 56, 57, 61, 63, 71, 73, 77, 80, 81, 85);
        assertThat(GbfsSimulator.wmoCode(4)).isIn(65, 66, 67, 75, 82, 86, 95, 96, 99);
    }
}
