package io.bikecast.local.simulation;

import java.time.LocalDateTime;

/**
 * One hour of the UCI data set as the simulator replays it: its demand and its weather, in the data set's normalised
 * columns.
 *
 * @param hour the local hour in Washington D.C. (America/New_York), as {@code dteday} and {@code hr} give it
 * @param cnt the rentals of the hour, split over the simulated stations
 * @param weathersit the UCI weather situation, 1 to 4
 * @param temp the normalised temperature ({@code temp})
 * @param atemp the normalised feels-like temperature ({@code atemp})
 * @param hum the normalised humidity ({@code hum})
 * @param windspeed the normalised wind speed ({@code windspeed})
 */
public record SimulatedHour(
        LocalDateTime hour, int cnt, int weathersit, double temp, double atemp, double hum, double windspeed) {}
