package io.bikecast.platform.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clock every schedule of the suite runs on ({@code bikecast.clock.*}), one setting for all services.
 *
 * @param mode {@code wall} (default) or {@code data}; see {@link ClockMode}
 */
@ConfigurationProperties("bikecast.clock")
public record ClockProperties(@DefaultValue("wall") ClockMode mode) {

    public boolean dataClock() {
        return mode == ClockMode.DATA;
    }
}
