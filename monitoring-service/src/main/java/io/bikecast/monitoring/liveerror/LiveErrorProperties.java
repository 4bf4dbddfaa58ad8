package io.bikecast.monitoring.liveerror;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live error ({@code bikecast.monitoring.live-error.*}): predictions joined with actuals of the same series and hour.
 * Windows are spans of predicted hours ending at the latest hour any actual was observed for (the data clock), not at
 * the wall clock, so a replay of 2012 is measured like live traffic.
 *
 * @param windows the sliding windows reported (default 24 h and 168 h)
 * @param minPairs fewer joined pairs than this in a window: "not enough data", never a number (default 24)
 * @param refreshInterval how often the live-error gauges are recomputed (default 30 s)
 */
@Validated
@ConfigurationProperties("bikecast.monitoring.live-error")
record LiveErrorProperties(
        @DefaultValue({"24h", "168h"}) @NotEmpty List<Duration> windows,
        @DefaultValue("24") @Min(1) int minPairs,
        @DefaultValue("30s") @NotNull Duration refreshInterval) {}
