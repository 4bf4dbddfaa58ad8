package io.bikecast.ingest.weather;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the poller on the wall clock, looking every 30 seconds for a location whose poll is due; each location is
 * polled at its own {@code poll-interval}, or sooner to retry a failure. Off with {@code
 * bikecast.ingest.weather.scheduled=false}, where something else drives {@link WeatherPoller#pollDue}.
 */
class WeatherSchedule {

    private final WeatherPoller poller;

    WeatherSchedule(WeatherPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 5_000)
    void pollDue() {
        poller.pollDue(Instant.now());
    }
}
