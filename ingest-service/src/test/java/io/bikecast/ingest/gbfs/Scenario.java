package io.bikecast.ingest.gbfs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded random walk of station states, one snapshot every {@code step}: some stations drift empty, some full,
 * some stop renting, some are uninstalled for a while, some go silent (their {@code last_reported} freezes), and now
 * and then a rebalancing truck moves many bikes at once. {@link #expectedHours} derives the hourly rows from the
 * snapshots on its own, the way docs/ingest-service.md defines them, for the test to compare with the service's.
 */
final class Scenario {

    /** What the test expects of one station hour. */
    record Hour(
            int departures,
            int arrivals,
            boolean rebalancing,
            int snapshots,
            boolean empty,
            boolean full,
            boolean notRenting,
            boolean notInstalled,
            boolean notReporting) {}

    record Key(String stationId, Instant hourStart) {}

    final List<FeedWriter.Info> stations = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();
    final List<List<FeedWriter.State>> snapshots = new ArrayList<>();

    Scenario(long seed, int stationCount, Instant start, Duration step, int steps) {
        Random random = new Random(seed);
        int[] vehicles = new int[stationCount];
        int[] capacity = new int[stationCount];
        Instant[] reported = new Instant[stationCount];
        for (int i = 0; i < stationCount; i++) {
            String id = i % 50 == 7 ? "ST." + i + "-Nord" : Integer.toString(1000 + i);
            capacity[i] = 15 + random.nextInt(25);
            vehicles[i] = random.nextInt(capacity[i] + 1);
            stations.add(new FeedWriter.Info(id, "Station " + i, 40.7 + i * 0.001, -74.0 + i * 0.001, capacity[i]));
        }
        for (int t = 0; t < steps; t++) {
            Instant now = start.plus(step.multipliedBy(t));
            times.add(now);
            List<FeedWriter.State> states = new ArrayList<>(stationCount);
            for (int i = 0; i < stationCount; i++) {
                boolean silent = i % 31 == 0 && t >= 70 && t < 95;
                boolean installed = !(i % 29 == 0 && t >= 100 && t < 110);
                boolean renting = installed && !(i % 23 == 0 && t >= 40 && t < 60);
                if (t > 0 && !silent) {
                    int delta = random.nextInt(7) - 3;
                    if (i % 10 == 1) {
                        delta -= 2;
                    } else if (i % 10 == 2) {
                        delta += 2;
                    }
                    if (random.nextInt(100) == 0) {
                        delta = (random.nextBoolean() ? 1 : -1) * (10 + random.nextInt(10));
                    }
                    if (!renting) {
                        delta = Math.max(delta, 0);
                    }
                    vehicles[i] = Math.clamp(vehicles[i] + delta, 0, capacity[i]);
                }
                if (!silent) {
                    reported[i] = now.minusSeconds(random.nextInt(240));
                }
                states.add(new FeedWriter.State(
                        stations.get(i).stationId(),
                        vehicles[i],
                        capacity[i] - vehicles[i],
                        renting,
                        installed,
                        installed,
                        reported[i]));
            }
            snapshots.add(states);
        }
    }

    /** The hourly rows the given snapshots (indices into this scenario, in order) should become. */
    Map<Key, Hour> expectedHours(List<Integer> stored, ZoneId zone, int rebalancingThreshold) {
        Map<Key, Hour> hours = new HashMap<>();
        List<FeedWriter.State> previous = null;
        for (int index : stored) {
            Instant hourStart =
                    times.get(index).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            Instant hourEnd = hourStart.plus(Duration.ofHours(1));
            List<FeedWriter.State> states = snapshots.get(index);
            for (int i = 0; i < states.size(); i++) {
                FeedWriter.State s = states.get(i);
                Key key = new Key(s.stationId(), hourStart);
                Hour h = hours.getOrDefault(key, new Hour(0, 0, false, 0, false, false, false, false, true));
                int departures = h.departures();
                int arrivals = h.arrivals();
                boolean rebalancing = h.rebalancing();
                if (previous != null) {
                    int delta = s.vehicles() - previous.get(i).vehicles();
                    if (Math.abs(delta) >= rebalancingThreshold) {
                        rebalancing = true;
                    } else if (delta < 0) {
                        departures -= delta;
                    } else {
                        arrivals += delta;
                    }
                }
                boolean fresh = !s.lastReported().isBefore(hourStart)
                        && s.lastReported().isBefore(hourEnd);
                hours.put(
                        key,
                        new Hour(
                                departures,
                                arrivals,
                                rebalancing,
                                h.snapshots() + 1,
                                h.empty() || s.vehicles() == 0,
                                h.full() || s.docks() == 0,
                                h.notRenting() || !s.renting(),
                                h.notInstalled() || !s.installed(),
                                h.notReporting() && !fresh));
            }
            previous = states;
        }
        return hours;
    }
}
