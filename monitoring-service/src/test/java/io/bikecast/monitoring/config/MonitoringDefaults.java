package io.bikecast.monitoring.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The monitoring settings exactly as documented: every {@code @DefaultValue}, bound by Spring, none copied by hand. */
public final class MonitoringDefaults {

    private MonitoringDefaults() {}

    public static MonitoringProperties properties() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("bikecast.monitoring", MonitoringProperties.class);
    }
}
