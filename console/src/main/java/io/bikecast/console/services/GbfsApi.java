package io.bikecast.console.services;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** The ingest service's GBFS views: the systems it polls, and the stations of each. */
@HttpExchange(url = "/api/v1/gbfs/systems", accept = MediaType.APPLICATION_JSON_VALUE)
public interface GbfsApi {

    String NAME = IngestApi.NAME;

    /**
     * Every configured GBFS system, in configuration order. An ingest older than this endpoint answers 404: the
     * console then guesses the systems from the series ids and the model families.
     */
    @GetExchange
    List<GbfsSystem> systems();

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

    /**
     * A system ingest polls, and the state of its feed.
     *
     * @param name the feed's {@code system_information} name; null until ingest has read it
     * @param timeZone the feed's {@code system_information} time zone; null until ingest has read it
     * @param seriesPrefix what the series ids of its stations start with ({@code sim-})
     * @param stations the stations known, 0 before the first poll
     * @param lastSnapshotAt the feed's {@code last_updated} of the newest stored snapshot; null before one
     * @param feed {@code up} or {@code down}: down while every poll has failed since {@code downSince}
     * @param downSince when the polls began to fail; null while up
     * @param reason why they fail, in words; null while up
     */
    record GbfsSystem(
            String id,
            @Nullable String name,
            @Nullable String timeZone,
            String seriesPrefix,
            int stations,
            @Nullable Instant lastSnapshotAt,
            String feed,
            @Nullable Instant downSince,
            @Nullable String reason) {

        public boolean down() {
            return "down".equals(feed);
        }
    }
}
