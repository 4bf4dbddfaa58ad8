package io.bikecast.monitoring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gauges that hold the latest value a feature set, one per name and tags, registered on first use. A value that is
 * unknown (no answer yet, not enough data) is NaN, never a made-up number; Micrometer's own gauges follow an object
 * instead, which a feature that computes its figures now and then does not have.
 */
public final class SettableGauges {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public SettableGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauge, at NaN, unless it exists: a series that is scraped before its first value says so. */
    public void register(String name, Tags tags, String description) {
        value(name, tags, description);
    }

    /** Sets the gauge, registering it first if it is new. */
    public void set(String name, Tags tags, String description, double value) {
        value(name, tags, description).set(value);
    }

    /** Sets every gauge registered here to NaN, for a feature whose series may disappear between two computations. */
    public void clear() {
        values.values().forEach(value -> value.set(Double.NaN));
    }

    private AtomicReference<Double> value(String name, Tags tags, String description) {
        return values.computeIfAbsent(key(name, tags), k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, value, AtomicReference::get)
                    .description(description)
                    .tags(tags)
                    .register(registry);
            return value;
        });
    }

    private static String key(String name, Tags tags) {
        StringBuilder key = new StringBuilder(name);
        tags.forEach(tag -> key.append('|').append(tag.getKey()).append('=').append(tag.getValue()));
        return key.toString();
    }
}
