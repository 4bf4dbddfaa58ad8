package io.bikecast.platform.web;

import io.bikecast.platform.security.ApiKeyFilter;
import io.bikecast.platform.security.ApiKeyProperties;
import io.bikecast.platform.security.ApiKeyStartupCheck;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Problem details for every error, and the API-key guard in front of the mutating endpoints a service names (which
 * refuses to start without a key of the operator's own).
 */
@AutoConfiguration
@EnableConfigurationProperties({ApiKeyProperties.class, RequestBodyLimit.class})
@Import(ProblemDetailsAdvice.class)
public class WebAutoConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyProperties properties) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the API-key filter: a refused client learns nothing of the limit. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimit limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    @Bean
    ApiKeyStartupCheck apiKeyStartupCheck(ApiKeyProperties properties) {
        return new ApiKeyStartupCheck(properties);
    }
}
