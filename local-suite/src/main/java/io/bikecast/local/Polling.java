package io.bikecast.local;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition the suite reaches on its own: asks again at once, then after a back-off that starts at a
 * millisecond and doubles up to a cap, so that a step done in a few milliseconds costs no more, and a step that takes
 * minutes costs a few requests a second. Never a fixed sleep.
 */
final class Polling {

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(200).toNanos();

    private Polling() {}

    /**
     * @param what what is awaited, for the error message: "monitoring's clock to reach 2012-09-01T05:00"
     * @param where what to look at to see why it did not happen
     * @return the first value that satisfies {@code done}
     */
    static <T> T until(String what, Duration timeout, Supplier<T> poll, Predicate<? super T> done, String where) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        T last = null;
        while (true) {
            last = poll.get();
            if (last != null && done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; last seen: "
                        + last + ". See " + where);
            }
            pause(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }

    /** Until {@code poll} finds something. */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> poll, String where) {
        return until(what, timeout, poll, Optional::isPresent, where).orElseThrow();
    }

    private static void pause(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
