package io.bikecast.monitoring.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A feature's settings exactly as documented: every {@code @DefaultValue}, bound by Spring under the record's own
 * prefix, none copied by hand.
 */
public final class SettingsDefaults {

    private SettingsDefaults() {}

    public static <T> T of(Class<T> settings) {
        ConfigurationProperties properties = settings.getAnnotation(ConfigurationProperties.class);
        String prefix = properties.prefix().isEmpty() ? properties.value() : properties.prefix();
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, settings);
    }
}
