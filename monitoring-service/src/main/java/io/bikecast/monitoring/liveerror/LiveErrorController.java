package io.bikecast.monitoring.liveerror;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Live error per model version and window. */
@RestController
@RequestMapping("/api/v1/live-error")
class LiveErrorController {

    private final LiveErrorService service;

    LiveErrorController(LiveErrorService service) {
        this.service = service;
    }

    /**
     * The live error of every window.
     *
     * @param dataClock the latest hour with an actual: where every window ends; null before the first actual
     */
    record LiveErrorResponse(LocalDateTime dataClock, List<LiveError> windows) {}

    @GetMapping
    @Operation(summary = "Live RMSE, MAE, R² and bias per model version, traffic kind and window")
    LiveErrorResponse liveError() {
        return new LiveErrorResponse(service.dataClock().orElse(null), service.all());
    }
}
