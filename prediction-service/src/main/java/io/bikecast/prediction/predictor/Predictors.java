package io.bikecast.prediction.predictor;

import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.serving.ServingModels;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which model answers a series: the family whose prefix its id starts with ({@code bikecast.prediction.families}), or
 * the default model. Each has its own {@link Predictor}, over its own champion and challenger.
 */
public final class Predictors {

    private final Predictor defaultModel;
    private final Map<String, Predictor> families;
    private final PredictionProperties properties;

    Predictors(Predictor defaultModel, Map<String, Predictor> families, PredictionProperties properties) {
        this.defaultModel = defaultModel;
        this.families = Map.copyOf(families);
        this.properties = properties;
    }

    /** The predictor of the model serving the series. */
    public Predictor forSeries(SeriesId series) {
        if (families.isEmpty()) {
            return defaultModel;
        }
        return families.getOrDefault(properties.modelFor(series.value()), defaultModel);
    }

    /** The predictor of the model serving the series named so, or the default model's if the name is not a series id. */
    public Predictor forSeries(@Nullable String seriesId) {
        if (seriesId == null || !SeriesId.PATTERN.matcher(seriesId).matches()) {
            return defaultModel;
        }
        return forSeries(SeriesId.of(seriesId));
    }

    /**
     * The snapshot a request answers from with this predictor: for the default model the one taken when the request
     * began (so a swap mid-request changes nothing of it); for a family's, its own, taken now, once the body has said
     * which series it is about.
     */
    public ServingModels snapshot(Predictor predictor, ServingModels requestSnapshot) {
        return predictor == defaultModel ? requestSnapshot : predictor.snapshot();
    }

    /**
     * The snapshots of a request that answers many series (a batch, every station of a system): one per model, each
     * taken as {@link #snapshot} takes it the first time the request needs that model and kept for the rest of the
     * request, so a swap halfway through never mixes two versions of a model in one answer.
     */
    public RequestSnapshots snapshots(ServingModels requestSnapshot) {
        return new RequestSnapshots(requestSnapshot);
    }

    /** The champion snapshots one request answers from, by model. Not thread-safe: one request's. */
    public final class RequestSnapshots {

        private final ServingModels requestSnapshot;
        private final Map<Predictor, ServingModels> taken = new IdentityHashMap<>();

        private RequestSnapshots(ServingModels requestSnapshot) {
            this.requestSnapshot = requestSnapshot;
        }

        /**
         * The predictor's snapshot for this request.
         *
         * @throws NoChampionException if its model has no champion
         */
        public ServingModels of(Predictor predictor) {
            return taken.computeIfAbsent(predictor, model -> model.requireChampion(snapshot(model, requestSnapshot)));
        }
    }
}
