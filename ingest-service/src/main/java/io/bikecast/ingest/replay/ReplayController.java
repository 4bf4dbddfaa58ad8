package io.bikecast.ingest.replay;

import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.request.Requests;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts, watches and stops replays of stored history. */
@RestController
@RequestMapping("/api/v1/replays")
class ReplayController {

    /** The longest pace accepted: one replayed hour per real hour is "live". */
    private static final long MAX_PACE_MILLIS = Duration.ofHours(1).toMillis();

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @Operation(summary = "Start replaying a series' stored hours from 'from' (inclusive) to 'to' (exclusive)")
    @PostMapping
    ResponseEntity<ReplayStatus> start(@RequestBody ReplayRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        if (request.from() == null) {
            errors.add(InvalidField.of("from", "required"));
        }
        if (request.to() == null) {
            errors.add(InvalidField.of("to", "required"));
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            errors.add(new InvalidField("to", "must be after from", request.to()));
        }
        long pace = request.paceMillis() == null ? 100 : request.paceMillis();
        if (pace < 0 || pace > MAX_PACE_MILLIS) {
            errors.add(new InvalidField("paceMillis", "must be from 0 to " + MAX_PACE_MILLIS, pace));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The replay request has invalid fields.", errors);
        }
        SeriesId series = Requests.series(request.seriesId() == null ? "system" : request.seriesId(), "seriesId");
        ReplayStatus status = replays.start(series, request.from(), request.to(), Duration.ofMillis(pace));
        return ResponseEntity.created(URI.create("/api/v1/replays/" + status.id()))
                .body(status);
    }

    @Operation(summary = "All replays since start-up, newest first")
    @GetMapping
    List<ReplayStatus> all() {
        return replays.all();
    }

    @Operation(summary = "One replay's progress")
    @GetMapping("/{id}")
    ReplayStatus status(@PathVariable UUID id) {
        return replays.status(id).orElseThrow(() -> unknown(id));
    }

    @Operation(summary = "Stop a replay after the hour it is publishing")
    @PostMapping("/{id}/stop")
    ReplayStatus stop(@PathVariable UUID id) {
        return replays.stop(id).orElseThrow(() -> unknown(id));
    }

    @Operation(summary = "Stop a replay (same as POST /{id}/stop)")
    @DeleteMapping("/{id}")
    ReplayStatus delete(@PathVariable UUID id) {
        return stop(id);
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("There is no replay " + id + ".");
    }
}
