package io.bikecast.ingest.replay;

import io.bikecast.common.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One running or finished replay; its progress fields are written by the replay's thread only. */
final class Replay {

    enum State {
        RUNNING,
        COMPLETED,
        STOPPED,
        FAILED
    }

    final UUID id = UUID.randomUUID();
    final SeriesId series;
    final LocalDateTime from;
    final LocalDateTime to;
    final Duration pace;
    final long hoursTotal;
    final Instant startedAt = Instant.now();
    volatile State state = State.RUNNING;
    volatile boolean stopRequested;
    volatile long hoursPublished;
    volatile LocalDateTime lastHour;
    volatile Instant finishedAt;
    volatile String error;

    Replay(SeriesId series, LocalDateTime from, LocalDateTime to, Duration pace, long hoursTotal) {
        this.series = series;
        this.from = from;
        this.to = to;
        this.pace = pace;
        this.hoursTotal = hoursTotal;
    }

    void finish(State finalState, String why) {
        error = why;
        finishedAt = Instant.now();
        state = finalState;
    }

    ReplayStatus status() {
        return new ReplayStatus(
                id,
                series.value(),
                from,
                to,
                pace.toMillis(),
                state.name(),
                hoursTotal,
                hoursPublished,
                lastHour,
                startedAt,
                finishedAt,
                error);
    }
}
