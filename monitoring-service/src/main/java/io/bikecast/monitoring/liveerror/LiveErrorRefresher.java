package io.bikecast.monitoring.liveerror;

import io.bikecast.monitoring.config.MonitoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Recomputes the live-error gauges every {@code bikecast.monitoring.live-error.refresh-interval}. */
@Configuration(proxyBeanMethods = false)
public class LiveErrorRefresher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LiveErrorRefresher.class);

    private final LiveErrorService service;
    private final MonitoringProperties properties;

    public LiveErrorRefresher(LiveErrorService service, MonitoringProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, properties.liveError().refreshInterval());
    }

    private void refresh() {
        try {
            service.refreshMetrics();
        } catch (RuntimeException e) {
            log.warn("could not recompute live error; retrying at the next refresh", e);
        }
    }
}
