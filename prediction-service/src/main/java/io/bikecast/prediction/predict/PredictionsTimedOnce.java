package io.bikecast.prediction.predict;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Leaves the requests of {@link PredictionEndpoint}s out of Spring's {@code http.server.requests} observation: {@link
 * PredictionRequests} times each of them already, in {@code bikecast.prediction.requests}, tagged with the endpoint,
 * the outcome and the model version. Timing them twice was not free: in a JFR profile of {@code POST /predict} at
 * 1,000 requests a second, the observation's start and stop were 12% of the request's CPU, more than the model.
 * Every other request (the actuator, the model and history reads, unknown paths) is observed as before.
 *
 * <p>The observation starts before a handler is chosen, so it can only be told apart by its path. The paths are read
 * from the handler mappings once the context is refreshed, so a new prediction endpoint needs no list kept here;
 * until then nothing is skipped.
 */
final class PredictionsTimedOnce implements ObservationPredicate, ApplicationListener<ContextRefreshedEvent> {

    private volatile Set<String> paths = Set.of();

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext request
                && paths.contains(request.getCarrier().getRequestURI()));
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        paths = event.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(entry -> isPredictionEndpoint(entry.getValue()))
                .flatMap(entry -> literalPaths(entry.getKey()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isPredictionEndpoint(HandlerMethod method) {
        return method.getBeanType().isAnnotationPresent(PredictionEndpoint.class);
    }

    /**
     * A mapping's paths. Prediction endpoints have literal paths; one with a variable would not match a request's URI
     * as text, so it is refused here rather than silently timed twice.
     */
    private static Stream<String> literalPaths(RequestMappingInfo info) {
        Set<String> patterns = info.getPatternValues();
        patterns.stream()
                .filter(pattern -> pattern.contains("{") || pattern.contains("*"))
                .findAny()
                .ifPresent(pattern -> {
                    throw new IllegalStateException("The prediction endpoint path " + pattern
                            + " has a variable; PredictionsTimedOnce matches literal paths only");
                });
        return patterns.stream();
    }
}
