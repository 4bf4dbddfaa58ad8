package io.bikecast.ingest.weather;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Open-Meteo's hourly endpoints, as bikecast asks them: the five variables of the natural form, wind in km/h, times in
 * GMT. One interface for both services, each client made with its own base URL ({@link WeatherConfiguration}).
 */
@HttpExchange(accept = MediaType.APPLICATION_JSON_VALUE)
interface OpenMeteoApi {

    String VARIABLES = "temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,weather_code";

    /** The forecast API: {@code pastHours} before the current hour and {@code forecastHours} from it. */
    @GetExchange
    OpenMeteoAnswer forecast(
            @RequestParam double latitude,
            @RequestParam double longitude,
            @RequestParam("past_hours") int pastHours,
            @RequestParam("forecast_hours") int forecastHours,
            @RequestParam String hourly,
            @RequestParam("wind_speed_unit") String windSpeedUnit,
            @RequestParam String timezone);

    /**
     * The forecast API for the hours from {@code startHour} to {@code endHour}, both included, as local times
     * ({@code 2012-09-04T10:00}) of {@code timezone}: what a poll on a feed clock asks, whose "now" is not today.
     */
    @GetExchange
    OpenMeteoAnswer forecastBetween(
            @RequestParam double latitude,
            @RequestParam double longitude,
            @RequestParam("start_hour") String startHour,
            @RequestParam("end_hour") String endHour,
            @RequestParam String hourly,
            @RequestParam("wind_speed_unit") String windSpeedUnit,
            @RequestParam String timezone);

    /** The archive API: every hour of the days from {@code startDate} to {@code endDate}, both included. */
    @GetExchange
    OpenMeteoAnswer archive(
            @RequestParam double latitude,
            @RequestParam double longitude,
            @RequestParam("start_date") String startDate,
            @RequestParam("end_date") String endDate,
            @RequestParam String hourly,
            @RequestParam("wind_speed_unit") String windSpeedUnit,
            @RequestParam String timezone);
}
