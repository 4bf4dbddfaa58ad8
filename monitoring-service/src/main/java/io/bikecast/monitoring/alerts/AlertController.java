package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The stored alerts with their delivery state per channel. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertStore store;

    AlertController(AlertStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Alerts, newest first, with occurrences and delivery state per channel")
    Page<StoredAlert> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.validate(page, size);
        return new Page<>(store.page(page, size), page, size, store.count());
    }
}
