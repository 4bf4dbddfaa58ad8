package io.bikecast.prediction.api;

import io.bikecast.prediction.metrics.PredictionMetrics;
import io.bikecast.prediction.model.ServingModels;
import io.bikecast.prediction.serving.Predictor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Brackets every call of a {@link PredictionController} endpoint. Before the body is read it takes the one {@link
 * ServingModels} snapshot the request is answered from (handed to the controller as the {@link #SNAPSHOT} request
 * attribute), so a model swap during the request cannot mix models; when the response is written it records the
 * request in {@code bikecast.prediction.requests}. Requests refused by Bean Validation or as unreadable never reach the
 * controller, and only an interceptor sees them from start to end, so they are counted as {@code invalid} too.
 */
@Component
class PredictionRequests implements HandlerInterceptor {

    /** The request attribute holding the request's snapshot. */
    static final String SNAPSHOT = "io.bikecast.prediction.api.snapshot";

    private static final String STARTED = "io.bikecast.prediction.api.started";

    private final Predictor predictor;
    private final PredictionMetrics metrics;

    PredictionRequests(Predictor predictor, PredictionMetrics metrics) {
        this.predictor = predictor;
        this.metrics = metrics;
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
        ServingModels models = (ServingModels) request.getAttribute(SNAPSHOT);
        metrics.request(endpoint, outcome(response.getStatus(), failure), version(models), System.nanoTime() - started);
    }

    /** The {@code endpoint} tag: the controller method's name ({@code predict}, {@code quick}, {@code batch}). */
    private static @Nullable String endpoint(Object handler) {
        return handler instanceof HandlerMethod method && method.getBeanType() == PredictionController.class
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
