package io.bikecast.ingest.gbfs;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test sets: the poller sees no other time. */
final class TestClock implements InstantSource {

    private volatile Instant now;

    TestClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }
}
