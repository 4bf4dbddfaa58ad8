package io.bikecast.prediction.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link PredictionRequests} around the prediction endpoints. */
@Configuration(proxyBeanMethods = false)
class PredictionWebConfiguration implements WebMvcConfigurer {

    private final PredictionRequests requests;

    PredictionWebConfiguration(PredictionRequests requests) {
        this.requests = requests;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requests)
                .addPathPatterns("/predict", "/predict/batch", "/api/v1/predict", "/api/v1/predict/**");
    }
}
