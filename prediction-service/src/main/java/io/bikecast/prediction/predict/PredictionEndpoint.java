package io.bikecast.prediction.predict;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose endpoints answer predictions. Each call of one is answered from the one snapshot of the
 * models taken before its body is read (a handler method receives it as a {@link
 * io.bikecast.prediction.serving.ServingModels} parameter, hidden from the API docs), is timed in {@code
 * bikecast.prediction.requests} (tagged {@code endpoint}, the handler method's name), and has its errors answered as
 * the prediction problems: 400 {@code invalid-request} naming every bad field, 503 {@code no-champion}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PredictionEndpoint {}
