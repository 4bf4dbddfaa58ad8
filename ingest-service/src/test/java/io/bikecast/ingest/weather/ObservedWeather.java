package io.bikecast.ingest.weather;

import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Stores observed weather hours through the service's own {@link WeatherStore}, for tests of other features. */
public final class ObservedWeather {

    private ObservedWeather() {}

    /** Stores the hours as observed at {@code location}, as a forecast poll would (source {@code forecast}). */
    public static void save(ApplicationContext context, String location, List<WeatherHour> hours) {
        context.getBean(WeatherStore.class).saveObserved(location, hours, "forecast", Instant.now());
    }
}
