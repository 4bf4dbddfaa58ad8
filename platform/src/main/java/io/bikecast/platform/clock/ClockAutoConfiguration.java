package io.bikecast.platform.clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code bikecast.clock.*} for every service. */
@AutoConfiguration
@EnableConfigurationProperties(ClockProperties.class)
public class ClockAutoConfiguration {}
