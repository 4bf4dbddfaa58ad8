package io.bikecast.ingest.weather;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how often hourly weather is polled ({@code bikecast.ingest.weather.*}). No location is configured by
 * default, so nothing is polled until an operator names one.
 *
 * @param locations the places to poll, each under an id of its own (default none)
 * @param forecastUrl Open-Meteo's forecast endpoint (default {@code https://api.open-meteo.com/v1/forecast})
 * @param archiveUrl Open-Meteo's historical endpoint, read by a backfill (default {@code
 *     https://archive-api.open-meteo.com/v1/archive})
 * @param pollInterval how often each location's forecast is polled (default 1h: Open-Meteo's models update hourly at
 *     most)
 * @param retryInterval the first wait after a failed poll, doubled after each further failure up to {@code
 *     poll-interval} (default 1m)
 * @param forecastHours how many hours ahead each poll asks for (default 48: a day-ahead forecast issued late in the
 *     day still covers all of the next day)
 * @param pastHours how many past hours each poll asks for at least, stored as observed (default 24). After an outage a
 *     poll asks for every hour since the last success, up to 92 days (Open-Meteo's limit), so no observed hour is lost
 * @param maxPayloadSize the largest answer read (default 4MB; 48 hours of five variables are about 5 KB)
 * @param maxBackfillDays the longest range one backfill may ask the archive for (default 366)
 * @param connectTimeout how long to wait for a connection (default 5s)
 * @param readTimeout how long to wait for an answer (default 30s)
 * @param scheduled whether the poller runs on its own (default true); off, polls happen only when called, as in the
 *     tests
 * @param tick how often the scheduler looks for a location whose poll is due (default 30s); a replay on a feed clock
 *     that runs faster than the wall clock wants it shorter
 */
@ConfigurationProperties("bikecast.ingest.weather")
@Validated
public record WeatherProperties(
        @DefaultValue @Valid List<Location> locations,

        @DefaultValue("https://api.open-meteo.com/v1/forecast")
        URI forecastUrl,

        @DefaultValue("https://archive-api.open-meteo.com/v1/archive")
        URI archiveUrl,

        @DefaultValue("1h") Duration pollInterval,
        @DefaultValue("1m") Duration retryInterval,
        @DefaultValue("48") @Min(1) @Max(384) int forecastHours,
        @DefaultValue("24") @Min(1) @Max(2208) int pastHours,
        @DefaultValue("4MB") DataSize maxPayloadSize,
        @DefaultValue("366") @Min(1) int maxBackfillDays,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("true") boolean scheduled,
        @DefaultValue("30s") Duration tick) {

    /** The longest past Open-Meteo's forecast API serves: 92 days. */
    static final int MAX_PAST_HOURS = 92 * 24;

    /** Which clock says what "now" is for a location: when its polls are due and which hours they ask for. */
    public enum Clock {
        /** The wall clock: a real system, whose forecasts are issued as time passes. */
        WALL,
        /**
         * The data clock of a GBFS system: "now" is the feed's {@code last_updated} of the system's newest stored
         * snapshot. A replay of past days (the local suite's simulated system) thus gets forecasts issued at its own
         * times, asked for with Open-Meteo's {@code start_hour}/{@code end_hour}; nothing is polled before the first
         * snapshot.
         */
        FEED
    }

    /**
     * A place whose weather is polled.
     *
     * @param id the location's id, as series and systems refer to it (for the UCI data set's series, {@code system})
     * @param latitude WGS84 latitude
     * @param longitude WGS84 longitude
     * @param clock {@code wall} (default) or {@code feed}: whose time the location's polls follow
     * @param system with the feed clock, the GBFS system whose snapshots give the time (default: the system of the
     *     location's id, the one whose station hours take this weather)
     */
    public record Location(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}")
            String id,

            @DecimalMin("-90") @DecimalMax("90") double latitude,
            @DecimalMin("-180") @DecimalMax("180") double longitude,
            @DefaultValue("wall") Clock clock,
            @Nullable String system) {

        /** The GBFS system whose feed is this location's clock. */
        public String clockSystem() {
            return system == null || system.isBlank() ? id : system;
        }
    }
}
