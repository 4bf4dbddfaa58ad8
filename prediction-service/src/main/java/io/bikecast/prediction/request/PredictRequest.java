package io.bikecast.prediction.request;

import io.bikecast.prediction.predictor.PredictionInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One prediction request, in either of two forms, each a record whose Bean Validation constraints say what a valid
 * request of that form is:
 *
 * <ul>
 *   <li>{@link UciPredictRequest}: the twelve features as the UCI data set has them, optionally with the {@code hour}
 *       they describe;
 *   <li>{@link NaturalPredictRequest}: a {@code timestamp} and the weather in real units; the calendar features are
 *       derived from the timestamp.
 * </ul>
 *
 * <p>On the wire both are one flat JSON object; the fields present decide the form ({@link PredictRequestDeserializer}),
 * and sending fields of both is refused, naming each field of the form not used. Both forms may carry {@code seriesId}
 * (default {@code system}), {@code clientKey} and {@code issuedAt} (the issue time of the forecast, before its hour;
 * the UCI form only with {@code hour}).
 */
@JsonDeserialize(using = PredictRequestDeserializer.class)
@Schema(
        description = "Either the UCI fields or the natural form (timestamp + real-unit weather); not both.",
        oneOf = {UciPredictRequest.class, NaturalPredictRequest.class})
public sealed interface PredictRequest permits UciPredictRequest, NaturalPredictRequest {

    /** The fields both forms have. */
    Set<String> SHARED_FIELDS = Set.of("seriesId", "clientKey", "issuedAt");

    /** The most characters a {@code clientKey} may have. */
    int MAX_CLIENT_KEY_LENGTH = 200;

    /** The series predicted; null for {@code system}. */
    @Nullable
    String seriesId();

    /** The key that keeps a client on one side of an A/B split, if given. */
    @Nullable
    String clientKey();

    /** The issue time, if given: ISO-8601 like the predicted hour, and before it. */
    @Nullable
    String issuedAt();

    /** The predicted hour's text as sent ({@code timestamp} or {@code hour}), if any. */
    @Nullable
    String targetHour();

    /**
     * The model's input and what the prediction log records with it.
     *
     * @throws RuntimeException if the request has not passed validation: only a valid request has an input
     */
    PredictionInput toInput();
}
