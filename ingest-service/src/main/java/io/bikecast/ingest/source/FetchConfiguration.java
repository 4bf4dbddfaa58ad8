package io.bikecast.ingest.source;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resolver URL ingest checks addresses with: the system's (a test marks its stub {@code @Primary}). */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }
}
