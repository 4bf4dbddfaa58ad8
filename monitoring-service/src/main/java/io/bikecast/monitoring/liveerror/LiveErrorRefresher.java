package io.bikecast.monitoring.liveerror;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Recomputes the live-error gauges every {@code bikecast.monitoring.live-error.refresh-interval}. */
@Configuration(proxyBeanMethods = false)
class LiveErrorRefresher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LiveErrorRefresher.class);

    private final LiveErrorService service;
    private final LiveErrorProperties settings;

    LiveErrorRefresher(LiveErrorService service, LiveErrorProperties settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, settings.refreshInterval());
    }

    private void refresh() {
        try {
            service.refreshMetrics();
        } catch (RuntimeException e) {
            log.warn("could not recompute live error; retrying at the next refresh", e);
        }
    }
}
