package io.bikecast.prediction.serving;

import io.bikecast.platform.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No champion is loaded, so there is nothing honest to answer with: 503, never a made-up number. */
public class NoChampionException extends ProblemException {

    public NoChampionException(String modelName) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "No champion model",
                "No champion of model '" + modelName + "' is loaded yet: the training service's registry names none,"
                        + " or it could not be reached and the disk cache holds none. Predictions are answered as soon"
                        + " as a champion is promoted or the registry is back.",
                List.of(),
                Map.of("modelName", modelName));
    }
}
