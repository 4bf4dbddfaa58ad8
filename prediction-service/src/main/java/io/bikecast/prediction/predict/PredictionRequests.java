package io.bikecast.prediction.predict;

import io.bikecast.prediction.predictor.Predictor;
import io.bikecast.prediction.serving.ServingModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Brackets every call of a {@link PredictionEndpoint}. Before the body is read it takes the one {@link ServingModels}
 * snapshot the request is answered from ({@link #snapshotOf}), so a model swap during the request cannot mix models;
 * when the response is written it records the request in {@code bikecast.prediction.requests} (timer with histogram,
 * tagged {@code endpoint}, {@code outcome} and {@code model.version} of the snapshot's champion, {@code none} without).
 * Requests refused by Bean Validation or as unreadable never reach the controller, and only an interceptor sees them
 * from start to end, so they are counted as {@code invalid} too.
 */
class PredictionRequests implements HandlerInterceptor {

    private static final String SNAPSHOT = PredictionRequests.class.getName() + ".snapshot";
    private static final String STARTED = PredictionRequests.class.getName() + ".started";

    private final Predictor predictor;
    private final Timer.MeterProvider<Timer> requests;

    PredictionRequests(Predictor predictor, MeterRegistry meters) {
        this.predictor = predictor;
        this.requests = Timer.builder("bikecast.prediction.requests")
                .description("Prediction requests by endpoint, outcome and model version")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5))
                .withRegistry(meters);
    }

    /** The snapshot taken for this request, or null if it is not a prediction endpoint's. */
    static @Nullable ServingModels snapshotOf(HttpServletRequest request) {
        return (ServingModels) request.getAttribute(SNAPSHOT);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (endpoint(handler) != null) {
            request.setAttribute(STARTED, System.nanoTime());
            request.setAttribute(SNAPSHOT, predictor.snapshot());
        }
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception failure) {
        String endpoint = endpoint(handler);
        if (endpoint == null || !(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        requests.withTags(Tags.of(
                        "endpoint",
                        endpoint,
                        "outcome",
                        outcome(response.getStatus(), failure),
                        "model.version",
                        version(snapshotOf(request))))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The {@code endpoint} tag: the handler method's name ({@code predict}, {@code quick}, {@code batch}, ...). */
    private static @Nullable String endpoint(Object handler) {
        return handler instanceof HandlerMethod method
                        && method.getBeanType().isAnnotationPresent(PredictionEndpoint.class)
                ? method.getMethod().getName()
                : null;
    }

    private static String outcome(int status, @Nullable Exception failure) {
        if (failure != null || status >= 500 && status != 503) {
            return "error";
        }
        if (status == 503) {
            return "unavailable";
        }
        return status >= 400 ? "invalid" : "success";
    }

    private static String version(@Nullable ServingModels models) {
        return models == null || models.champion() == null
                ? "none"
                : Long.toString(models.champion().version());
    }
}
