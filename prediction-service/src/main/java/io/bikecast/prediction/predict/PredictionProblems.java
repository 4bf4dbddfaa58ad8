package io.bikecast.prediction.predict;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.InvalidFields;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import io.bikecast.prediction.predictor.NoChampionException;
import io.bikecast.prediction.weather.NoWeatherForecastException;
import io.bikecast.prediction.weather.WeatherUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where the prediction endpoints' exceptions become problems: the predictor's {@link
 * NoChampionException} (503 {@code no-champion}), the missing stored weather of a forecast ({@link
 * NoWeatherForecastException}, 409 {@code no-weather-forecast}; the ingest service that stores it unreachable, {@link
 * WeatherUnavailableException}, 503), and Bean Validation of a request body, answered as the platform
 * answers it but with the detail the body gives ({@link DescribesInvalidFields}). Ordered before the platform's
 * advice, which answers everything else (unreadable bodies, {@link ProblemException}s, the catch-all 500).
 */
@RestControllerAdvice(annotations = PredictionEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PredictionProblems {

    /**
     * The type of a forecast asked for from stored weather forecasts that are not there. The platform's list has no
     * such type, so it is this service's own, under the platform's base URI.
     */
    static final URI NO_WEATHER_FORECAST = URI.create(ProblemType.BASE + "no-weather-forecast");

    private static final String NO_WEATHER_FORECAST_TITLE = "No weather forecast";

    @ExceptionHandler(NoChampionException.class)
    ResponseEntity<ProblemDetail> noChampion(NoChampionException exception, HttpServletRequest request) {
        return answer(
                new ProblemException(
                        ProblemType.NO_CHAMPION,
                        exception.getMessage(),
                        List.of(),
                        Map.of("modelName", exception.modelName())),
                request);
    }

    @ExceptionHandler(NoWeatherForecastException.class)
    ResponseEntity<ProblemDetail> noWeatherForecast(NoWeatherForecastException exception, HttpServletRequest request) {
        ProblemDetail problem = new ProblemException(
                        HttpStatus.CONFLICT,
                        NO_WEATHER_FORECAST_TITLE,
                        exception.getMessage(),
                        List.of(),
                        Map.of("seriesId", exception.seriesId()))
                .toProblemDetail(URI.create(request.getRequestURI()));
        problem.setType(NO_WEATHER_FORECAST);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(WeatherUnavailableException.class)
    ResponseEntity<ProblemDetail> weatherUnavailable(
            WeatherUnavailableException exception, HttpServletRequest request) {
        return answer(
                new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Weather unavailable", exception.getMessage()),
                request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException exception, HttpServletRequest request) {
        List<InvalidField> errors = InvalidFields.of(exception.getBindingResult());
        String detail = exception.getBindingResult().getTarget() instanceof DescribesInvalidFields body
                ? body.invalidFieldsDetail(errors)
                : "The prediction request has invalid fields.";
        return answer(ProblemException.badRequest(detail, errors), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemException problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toProblemDetail(URI.create(request.getRequestURI())));
    }
}
