package io.bikecast.prediction.weather;

import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.PredictionProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The weather forecast of a series' coming hours, from the forecasts the ingest service stores. The forecast read is
 * the one that stood when the issue hour's actual could first be known (the end of that hour), or now if that is
 * later than now: so a forecast issued at an older hour uses only the weather forecast known then, as a backtest
 * must, and a live one the freshest.
 */
@Component
public class WeatherForecasts {

    private final IngestWeatherApi ingest;
    private final WeatherLocations locations;
    private final PredictionProperties properties;
    private final Clock clock;

    WeatherForecasts(PredictionProperties properties, WeatherLocations locations, Clock clock) {
        this.ingest = client(properties.ingest());
        this.locations = locations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The weather location of a series: named for it, else its family's, else its own id. */
    public String locationOf(SeriesId series) {
        return locations
                .named(series)
                .orElseGet(() -> properties
                        .familyOf(series.value())
                        .map(PredictionProperties.Family::weatherLocation)
                        .orElse(series.value()));
    }

    /**
     * The forecast conditions of the {@code hours} local hours after {@code issuedAt}.
     *
     * @throws NoWeatherForecastException when the stored forecast does not cover them all
     * @throws WeatherUnavailableException when the ingest service cannot be asked
     */
    public List<NaturalConditions> hoursAfter(SeriesId seriesId, LocalDateTime issuedAt, int hours) {
        String location = locationOf(seriesId);
        ZoneId zone = properties.zoneOf(seriesId.value());
        Instant known = issuedAt.plusHours(1).atZone(zone).toInstant();
        Instant now = clock.instant();
        Instant asOf = known.isBefore(now) ? known : now;
        IngestWeatherApi.StoredForecast forecast;
        try {
            // Two hours more than asked: asOf's hour may be before the first hour wanted, and a DST change shifts one.
            forecast = ingest.forecast(location, asOf.toString(), hours + 2);
        } catch (HttpClientErrorException.NotFound e) {
            throw new NoWeatherForecastException(
                    seriesId.value(),
                    hours,
                    "no weather forecast of location '" + location + "' was stored by " + asOf);
        } catch (RestClientException e) {
            throw new WeatherUnavailableException(
                    "The weather forecasts of series '" + seriesId.value() + "' (location '" + location
                            + "') could not be read from the ingest service: " + e.getMessage()
                            + ". Retry, or POST /api/v1/forecast with the weather of each hour.",
                    e);
        }
        Map<LocalDateTime, IngestWeatherApi.Hour> byLocalHour = new HashMap<>();
        for (IngestWeatherApi.Hour hour : forecast.hours()) {
            byLocalHour.putIfAbsent(NaturalConditions.localHourOf(hour.hour(), zone), hour);
        }
        List<NaturalConditions> conditions = new ArrayList<>(hours);
        for (int h = 1; h <= hours; h++) {
            LocalDateTime target = issuedAt.plusHours(h);
            IngestWeatherApi.Hour hour = byLocalHour.get(target);
            if (hour == null) {
                throw new NoWeatherForecastException(
                        seriesId.value(),
                        hours,
                        "the forecast of location '" + location + "' issued at " + forecast.issuedAt()
                                + " does not cover " + target);
            }
            conditions.add(new NaturalConditions(
                    target,
                    hour.temperatureCelsius(),
                    hour.feelsLikeCelsius(),
                    hour.humidityPercent(),
                    hour.windSpeedKmh(),
                    hour.weatherSituation()));
        }
        return conditions;
    }

    private static IngestWeatherApi client(PredictionProperties.Ingest ingest) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(ingest.connectTimeout()).build());
        requests.setReadTimeout(ingest.readTimeout());
        RestClient rest = RestClient.builder()
                .baseUrl(ingest.baseUrl().toString())
                .requestFactory(requests)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(IngestWeatherApi.class);
    }
}
