package io.bikecast.monitoring.clock;

import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.clock.ClockMode;
import io.bikecast.platform.clock.ClockProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The time every schedule of this service runs on: drift checks, the scheduled refresh, the retraining cooldown and
 * alert folding.
 *
 * <p>Under {@code bikecast.clock.mode=wall} it is the wall clock. Under {@code data} it is the latest hour of the
 * actuals observed whose due work (drift check, retraining policy) has been done: it advances only with the data, so
 * a replay of months of history shows the schedules at work as they would run live, and it is stored in the
 * database, so a restart keeps it. Before the first actual under {@code data} there is no data hour; internal readers
 * then get the wall clock ({@link #now()}), the API reports none ({@link #reported()}).
 *
 * <p>Local hours are {@code America/New_York} local date-times, as in the data. Where an instant is needed (the
 * stored cooldown, alert folding) a local hour is placed in that zone with {@link LocalDateTime#atZone}: in the autumn
 * overlap the earlier offset, in the spring gap the hour after; either way later hours give later instants.
 */
@Component
public class MonitoringClock {

    /** The zone of the local hours. */
    public static final ZoneId ZONE = SeriesId.ZONE;

    private final ClockMode mode;
    private final Clock wall;
    private final DataClockStore dataClock;

    MonitoringClock(ClockProperties properties, Clock wall, DataClockStore dataClock) {
        this.mode = properties.mode();
        this.wall = wall;
        this.dataClock = dataClock;
    }

    public ClockMode mode() {
        return mode;
    }

    public boolean dataClock() {
        return mode == ClockMode.DATA;
    }

    /** The time now: the wall clock, or under the data clock its hour (the wall clock before the first actual). */
    public ClockReading now() {
        if (dataClock()) {
            Optional<LocalDateTime> hour = dataClock.hour();
            if (hour.isPresent()) {
                return at(hour.get());
            }
        }
        Instant now = wall.instant().truncatedTo(ChronoUnit.SECONDS);
        return new ClockReading(LocalDateTime.ofInstant(now, ZONE), now);
    }

    /** What the API reports: the local wall time, or the data clock's hour (empty before the first actual). */
    public Optional<LocalDateTime> reported() {
        return dataClock() ? dataClock.hour() : Optional.of(now().local());
    }

    /** The data clock's hour, if it has one; empty under the wall clock. */
    public Optional<LocalDateTime> dataHour() {
        return dataClock() ? dataClock.hour() : Optional.empty();
    }

    /**
     * Moves the data clock to an hour once its due work is done; never backwards. Readers see the new hour from now
     * on.
     */
    public void advanceTo(LocalDateTime hour) {
        dataClock.advanceTo(hour);
    }

    /** A local hour of the data as a reading. */
    public static ClockReading at(LocalDateTime localHour) {
        return new ClockReading(localHour, localHour.atZone(ZONE).toInstant());
    }
}
