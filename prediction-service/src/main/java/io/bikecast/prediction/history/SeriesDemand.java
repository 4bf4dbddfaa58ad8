package io.bikecast.prediction.history;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The latest {@code capacity} hours of one series, in a ring indexed by hour: an hour older than {@code capacity}
 * hours before the series' latest actual is forgotten, so memory is fixed whatever the series' age. Hours are counted
 * on the series' local clock, as the history features count them.
 */
final class SeriesDemand {

    private static final long EMPTY = Long.MIN_VALUE;

    private final int capacity;
    private final long[] hours;
    private final double[] counts;
    private long latest = EMPTY;

    SeriesDemand(int capacity) {
        this.capacity = capacity;
        this.hours = new long[capacity];
        this.counts = new double[capacity];
        Arrays.fill(hours, EMPTY);
    }

    synchronized void put(long hour, double count) {
        if (latest != EMPTY && hour <= latest - capacity) {
            return;
        }
        int slot = (int) Math.floorMod(hour, (long) capacity);
        hours[slot] = hour;
        counts[slot] = count;
        latest = latest == EMPTY ? hour : Math.max(latest, hour);
    }

    synchronized OptionalDouble get(long hour) {
        if (latest == EMPTY || hour > latest || hour <= latest - capacity) {
            return OptionalDouble.empty();
        }
        int slot = (int) Math.floorMod(hour, (long) capacity);
        return hours[slot] == hour ? OptionalDouble.of(counts[slot]) : OptionalDouble.empty();
    }

    /** The latest hour with an actual, or {@link Long#MIN_VALUE} for none. */
    synchronized long latest() {
        return latest;
    }
}
