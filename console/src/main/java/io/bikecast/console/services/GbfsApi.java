package io.bikecast.console.services;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The ingest service's GBFS views: the stations of a system it polls. */
@HttpExchange(url = "/api/v1/gbfs/systems", accept = MediaType.APPLICATION_JSON_VALUE)
public interface GbfsApi {

    String NAME = IngestApi.NAME;

    /** One page of a system's stations, by station id; 404 for a system ingest does not poll. */
    @GetExchange("/{system}/stations")
    Page<Station> stations(@PathVariable String system, @RequestParam int page, @RequestParam int size);

    record Page<T>(String system, int page, int size, boolean hasNext, List<T> items) {}

    /** A station as its system's {@code station_information} last described it, and the series of its hours. */
    record Station(
            String stationId,
            String seriesId,
            @Nullable String name,
            @Nullable Double lat,
            @Nullable Double lon,
            @Nullable Integer capacity) {}
}
