package io.bikecast.prediction.weather;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The ingest service's stored weather forecasts, as {@code GET /api/v1/weather/{location}/forecast} answers them. */
@HttpExchange(url = "/api/v1/weather", accept = MediaType.APPLICATION_JSON_VALUE)
interface IngestWeatherApi {

    /** The forecast of {@code location} as it stood at {@code asOf} (an ISO instant): its hours from asOf's hour on. */
    @GetExchange("/{location}/forecast")
    StoredForecast forecast(@PathVariable String location, @RequestParam String asOf, @RequestParam int hours);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredForecast(String location, Instant issuedAt, List<Hour> hours) {}

    /** One forecast hour, in the natural form's units; {@code hour} is its start, UTC. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hour(
            Instant hour,
            double temperatureCelsius,
            double feelsLikeCelsius,
            double humidityPercent,
            double windSpeedKmh,
            int weatherSituation) {}
}
