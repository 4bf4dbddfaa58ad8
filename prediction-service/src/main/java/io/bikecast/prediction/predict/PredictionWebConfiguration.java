package io.bikecast.prediction.predict;

import io.bikecast.prediction.predictor.Predictor;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link PredictionRequests} around every handler (it brackets only those of a {@link PredictionEndpoint}, so a
 * new prediction endpoint needs no path listed here), hands prediction endpoints their snapshot and keeps them out of
 * Spring's own request observation ({@link PredictionsTimedOnce}).
 */
@Configuration(proxyBeanMethods = false)
class PredictionWebConfiguration implements WebMvcConfigurer {

    private final PredictionRequests requests;

    PredictionWebConfiguration(Predictor predictor, MeterRegistry meters) {
        this.requests = new PredictionRequests(predictor, meters);
    }

    /** Spring's {@code http.server.requests} leaves prediction endpoints out: they are timed once, by their own timer. */
    @Bean
    PredictionsTimedOnce predictionsTimedOnce() {
        return new PredictionsTimedOnce();
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
