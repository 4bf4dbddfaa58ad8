package io.bikecast.training.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Measures how long each phase of a run takes, for one log line per run that shows where the time goes. */
final class PhaseTimer {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the current phase under this name and starts the next. */
    void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** E.g. {@code read 0.4 s, fit 15.2 s, ...}. */
    String summary() {
        StringJoiner joiner = new StringJoiner(", ");
        long total = 0;
        for (Map.Entry<String, Long> phase : nanos.entrySet()) {
            joiner.add(String.format(Locale.ROOT, "%s %.1f s", phase.getKey(), phase.getValue() / 1e9));
            total += phase.getValue();
        }
        return joiner + String.format(Locale.ROOT, " (total %.1f s)", total / 1e9);
    }
}
