package io.bikecast.monitoring.alerts;

/** One labelled value of an alert, e.g. {@code temp} → {@code D = 0.42, mean 0.49 → 0.29}. */
public record AlertField(String name, String value) {}
