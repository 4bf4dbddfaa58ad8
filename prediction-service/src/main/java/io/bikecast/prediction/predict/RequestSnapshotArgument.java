package io.bikecast.prediction.predict;

import io.bikecast.prediction.serving.ServingModels;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a prediction endpoint's {@link ServingModels} parameter the snapshot {@link PredictionRequests} took. */
class RequestSnapshotArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ServingModels.class
                && parameter.getContainingClass().isAnnotationPresent(PredictionEndpoint.class);
    }

    @Override
    public ServingModels resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        ServingModels snapshot = PredictionRequests.snapshotOf(request.getNativeRequest(HttpServletRequest.class));
        if (snapshot == null) {
            throw new IllegalStateException("no model snapshot was taken for " + parameter.getExecutable()
                    + ": PredictionRequests, registered by PredictionWebConfiguration, did not run before it");
        }
        return snapshot;
    }
}
