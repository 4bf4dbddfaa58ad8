package io.bikecast.ingest.gbfs;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What bikecast reads of a GBFS system, the same for every version. */
final class Feeds {

    private Feeds() {}

    /** The auto-discovery file: the version and the URLs of the three feeds read. */
    record Discovery(
            String version, @Nullable Integer ttl, URI systemInformation, URI stationInformation, URI stationStatus) {}

    /** {@code system_information}: the zone its local times (and bikecast's hours of it) are in. */
    record SystemInformation(String name, ZoneId timezone) {}

    /** One station of {@code station_information}. */
    record Station(
            String stationId,
            @Nullable String name,
            @Nullable Double lat,
            @Nullable Double lon,
            @Nullable Integer capacity) {}

    /** {@code station_information}. */
    record StationInformation(Instant lastUpdated, List<Station> stations) {}

    /**
     * One station of {@code station_status}.
     *
     * @param vehicles {@code num_bikes_available} (2.x) or {@code num_vehicles_available} (3.x)
     * @param docks {@code num_docks_available}, absent for virtual stations
     */
    record StationState(
            String stationId,
            int vehicles,
            @Nullable Integer docks,
            boolean renting,
            boolean returning,
            boolean installed,
            @Nullable Instant lastReported) {}

    /**
     * {@code station_status}.
     *
     * @param skipped how many stations lacked a required field and were left out
     */
    record StationStatus(
            String version, Instant lastUpdated, @Nullable Integer ttl, List<StationState> stations, int skipped) {}
}
