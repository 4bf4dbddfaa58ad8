package io.bikecast.prediction.weather;

/**
 * No stored weather forecast covers the hours asked for, so they cannot be forecast without the client's weather.
 * The web layer answers it as a 409 problem that says to send the weather; this exception knows nothing of HTTP.
 */
public class NoWeatherForecastException extends RuntimeException {

    private final String seriesId;

    NoWeatherForecastException(String seriesId, int hours, String why) {
        super("No weather forecast is stored for the next " + hours + " hours of series '" + seriesId + "': " + why
                + ". Configure the series' weather location in the ingest service (bikecast.ingest.weather), or POST"
                + " /api/v1/forecast with the weather of each hour (weather: one entry per hour).");
        this.seriesId = seriesId;
    }

    /** The series whose weather is missing. */
    public String seriesId() {
        return seriesId;
    }
}
