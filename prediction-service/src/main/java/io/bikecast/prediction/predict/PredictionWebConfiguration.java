package io.bikecast.prediction.predict;

import io.bikecast.prediction.predictor.Predictor;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link PredictionRequests} around every handler (it brackets only those of a {@link PredictionEndpoint}, so a
 * new prediction endpoint needs no path listed here) and hands prediction endpoints their snapshot.
 */
@Configuration(proxyBeanMethods = false)
class PredictionWebConfiguration implements WebMvcConfigurer {

    private final PredictionRequests requests;

    PredictionWebConfiguration(Predictor predictor, MeterRegistry meters) {
        this.requests = new PredictionRequests(predictor, meters);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(requests);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestSnapshotArgument());
    }
}
