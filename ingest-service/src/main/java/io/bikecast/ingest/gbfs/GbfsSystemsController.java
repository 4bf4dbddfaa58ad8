package io.bikecast.ingest.gbfs;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured GBFS systems and how their feeds are doing, for the console's Stations page and for operators. */
@RestController
class GbfsSystemsController {

    /**
     * One configured system.
     *
     * @param id the system's id in bikecast
     * @param name the name its {@code system_information} gives, null until it was read
     * @param timeZone the zone its station hours and their series are in: the configured {@code time-zone}, else
     *     {@code system_information.timezone}; null until {@code system_information} was read
     * @param seriesPrefix what every series id of its stations begins with
     * @param stations the stations known from {@code station_information} (not missing from it); 0 before the first poll
     * @param lastSnapshotAt the feed's {@code last_updated} of the newest stored snapshot, null before one
     * @param feed {@code up}, or {@code down} while its polls have failed since {@code downSince}
     * @param downSince when the polls began to fail, null when up
     * @param reason why the latest poll failed, in words, null when up
     */
    record SystemView(
            String id,
            @Nullable String name,
            @Nullable String timeZone,
            String seriesPrefix,
            int stations,
            @Nullable Instant lastSnapshotAt,
            String feed,
            @Nullable Instant downSince,
            @Nullable String reason) {}

    private final GbfsStore store;
    private final GbfsProperties properties;

    GbfsSystemsController(GbfsStore store, GbfsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Operation(
            summary =
                    "The configured GBFS systems, in configuration order, with their name, time zone, stations, newest"
                            + " snapshot and whether the feed is up",
            description = "A feed is down from the first of the failed polls that its latest poll ends, with the"
                    + " latest failure's reason; a poll that succeeds makes it up again.")
    @GetMapping("/api/v1/gbfs/systems")
    List<SystemView> systems() {
        return properties.systems().stream().map(this::view).toList();
    }

    private SystemView view(GbfsProperties.Feed system) {
        GbfsStore.SystemSummary summary = store.summary(system.id());
        boolean down = summary.downSince() != null;
        return new SystemView(
                system.id(),
                summary.name(),
                summary.hoursZone(),
                system.id() + "-",
                summary.stations(),
                summary.lastSnapshotAt(),
                down ? "down" : "up",
                summary.downSince(),
                down ? summary.reason() : null);
    }
}
