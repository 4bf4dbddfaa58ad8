package io.bikecast.ingest.gbfs;

import io.bikecast.ingest.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes GBFS files as the spec lays them out, for 2.3 (POSIX times, {@code data.<lang>.feeds},
 * {@code num_bikes_available}) and 3.0 (RFC 3339 times, {@code data.feeds}, localized names,
 * {@code num_vehicles_available}), and serves a system's files from a {@link LocalHttpServer} under a path prefix.
 */
final class FeedWriter {

    /** One station at one moment. */
    record State(
            String stationId,
            int vehicles,
            int docks,
            boolean renting,
            boolean returning,
            boolean installed,
            Instant lastReported) {}

    /** One station of station_information. */
    record Info(String stationId, String name, double lat, double lon, int capacity) {}

    private final LocalHttpServer server;
    private final String prefix;
    private final String version;

    FeedWriter(LocalHttpServer server, String prefix, String version) {
        this.server = server;
        this.prefix = prefix;
        this.version = version;
    }

    boolean v3() {
        return version.startsWith("3.");
    }

    String url(String file) {
        return "http://127.0.0.1:" + server.port() + prefix + "/" + file + ".json";
    }

    /** Serves gbfs.json and system_information; returns the auto-discovery URL. */
    String serveDiscovery(String timezone, int ttl) {
        String feeds = List.of("system_information", "station_information", "station_status", "vehicle_types").stream()
                .map(name -> "{\"name\": \"" + name + "\", \"url\": \"" + url(name) + "\"}")
                .collect(Collectors.joining(", "));
        String data = v3() ? "{\"feeds\": [" + feeds + "]}" : "{\"en\": {\"feeds\": [" + feeds + "]}}";
        serve("system_information", envelope(Instant.parse("2026-01-01T00:00:00Z"), 86400, systemData(timezone)));
        return serve("gbfs", envelope(Instant.parse("2026-01-01T00:00:00Z"), ttl, data));
    }

    void serveStations(Instant lastUpdated, List<Info> stations) {
        String list = stations.stream()
                .map(s -> String.format(
                        Locale.ROOT,
                        "{\"station_id\": \"%s\", \"name\": %s, \"lat\": %.6f, \"lon\": %.6f, \"capacity\": %d}",
                        s.stationId(),
                        v3() ? "[{\"text\": \"" + s.name() + "\", \"language\": \"en\"}]" : "\"" + s.name() + "\"",
                        s.lat(),
                        s.lon(),
                        s.capacity()))
                .collect(Collectors.joining(",\n"));
        serve("station_information", envelope(lastUpdated, 86400, "{\"stations\": [" + list + "]}"));
    }

    void serveStatus(Instant lastUpdated, int ttl, List<State> states) {
        serve("station_status", status(lastUpdated, ttl, states));
    }

    String status(Instant lastUpdated, int ttl, List<State> states) {
        String vehicles = v3() ? "num_vehicles_available" : "num_bikes_available";
        String list = states.stream()
                .map(s -> String.format(
                        Locale.ROOT,
                        "{\"station_id\": \"%s\", \"%s\": %d, \"num_docks_available\": %d, \"is_installed\": %b,"
                                + " \"is_renting\": %b, \"is_returning\": %b, \"last_reported\": %s}",
                        s.stationId(),
                        vehicles,
                        s.vehicles(),
                        s.docks(),
                        s.installed(),
                        s.renting(),
                        s.returning(),
                        time(s.lastReported())))
                .collect(Collectors.joining(",\n"));
        return envelope(lastUpdated, ttl, "{\"stations\": [" + list + "]}");
    }

    String serve(String file, String json) {
        return server.serve(prefix + "/" + file + ".json", json.getBytes(StandardCharsets.UTF_8));
    }

    private String systemData(String timezone) {
        if (v3()) {
            return "{\"system_id\": \"test\", \"languages\": [\"en\"], \"name\": [{\"text\": \"Test Bikes\","
                    + " \"language\": \"en\"}], \"opening_hours\": \"24/7\", \"feed_contact_email\":"
                    + " \"feeds@example.com\", \"timezone\": \"" + timezone + "\"}";
        }
        return "{\"system_id\": \"test\", \"language\": \"en\", \"name\": \"Test Bikes\", \"timezone\": \"" + timezone
                + "\"}";
    }

    private String envelope(Instant lastUpdated, int ttl, String data) {
        return "{\"last_updated\": " + time(lastUpdated) + ", \"ttl\": " + ttl + ", \"version\": \"" + version
                + "\", \"data\": " + data + "}";
    }

    private String time(Instant instant) {
        return v3() ? "\"" + instant + "\"" : Long.toString(instant.getEpochSecond());
    }
}
