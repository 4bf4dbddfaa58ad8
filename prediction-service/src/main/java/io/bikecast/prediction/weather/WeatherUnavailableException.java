package io.bikecast.prediction.weather;

/**
 * The ingest service, which keeps the weather forecasts, could not be asked: the forecast from stored weather cannot
 * be made now, but may be in a moment. The web layer answers it as 503.
 */
public class WeatherUnavailableException extends RuntimeException {

    WeatherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
