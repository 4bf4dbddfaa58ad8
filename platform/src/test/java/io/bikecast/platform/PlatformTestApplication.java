package io.bikecast.platform;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.platform.config.BikecastService;
import io.bikecast.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the platform, to test what the platform gives every service. */
@SpringBootApplication
@BikecastService("platform-test")
class PlatformTestApplication {

    record Reading(
            @NotNull @Min(0) @Max(23) Integer hr,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double temp) {}

    @RestController
    @Validated
    static class ReadingController {

        @PostMapping("/api/v1/readings")
        Reading create(@Valid @RequestBody Reading reading) {
            return reading;
        }

        @GetMapping("/api/v1/readings/{id}")
        Reading find(@PathVariable String id) {
            throw ProblemException.notFound("there is no reading " + id);
        }

        @GetMapping("/api/v1/hours")
        int hour(@RequestParam @Min(0) @Max(23) int hr) {
            return hr;
        }

        /** A bug whose message holds what no client may see. */
        @GetMapping("/api/v1/broken")
        int broken() {
            throw new IllegalStateException("connection string jdbc:postgresql://db/bikecast?password=hunter2");
        }
    }

    /** Can never process a failure of the model named {@code poison}, and records every other. */
    @Component
    static class PoisonSensitiveListener {

        final List<TrainingFailed> processed = new CopyOnWriteArrayList<>();
        final AtomicInteger poisonAttempts = new AtomicInteger();

        @KafkaListener(topics = "bikecast.model-lifecycle", groupId = "platform-test-lifecycle")
        void on(BikecastEvent event) {
            if (event instanceof TrainingFailed failed) {
                if (failed.modelName().equals("poison")) {
                    poisonAttempts.incrementAndGet();
                    throw new IllegalArgumentException("this event can never be processed");
                }
                processed.add(failed);
            }
        }
    }

    /** Fails on its first two deliveries of every event, as a listener whose database is briefly down would. */
    @Component
    static class FlakyActualsListener {

        final List<ActualObserved> processed = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();

        @KafkaListener(topics = "bikecast.actuals", groupId = "platform-test")
        void on(BikecastEvent event) {
            if (event instanceof ActualObserved actual) {
                if (actual.count() == 13 && attempts.incrementAndGet() <= 2) {
                    throw new IllegalStateException("simulated outage on attempt " + attempts.get());
                }
                processed.add(actual);
            }
        }
    }
}
