package io.bikecast.ingest.weather;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the poller, looking every {@code tick} (30 seconds) for a location whose poll is due by its clock (the wall
 * clock, or its GBFS system's data clock); each location is polled at its own {@code poll-interval}, or sooner to
 * retry a failure. Off with {@code
 * bikecast.ingest.weather.scheduled=false}, where something else drives {@link WeatherPoller#pollDue}.
 */
class WeatherSchedule {

    private final WeatherPoller poller;

    WeatherSchedule(WeatherPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${bikecast.ingest.weather.tick:30s}", initialDelay = 5_000)
    void pollDue() {
        poller.pollDue(Instant.now());
    }
}
