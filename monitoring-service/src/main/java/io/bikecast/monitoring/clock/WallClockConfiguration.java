package io.bikecast.monitoring.clock;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wall clock, as a bean so that nothing in the service reads {@code Instant.now()} behind the clock's back. */
@Configuration(proxyBeanMethods = false)
class WallClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
