package io.bikecast.monitoring.champion;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The training service's registry API ({@code bikecast.monitoring.registry.*}: {@code GET /api/v1/models/champion},
 * {@code /{version}}, {@code /{version}/reference}), asked at every drift check for the champion and, when it moved,
 * for its reference sample. It is the only way to them: the tables belong to the training service. While it cannot
 * be reached a check's verdict is {@code ERROR}, saying so, and the next check asks again.
 *
 * @param baseUrl the training service's base URL (default {@code http://localhost:8082}; {@code
 *     BIKECAST_TRAINING_URL})
 * @param connectTimeout how long to wait for a connection to the training service (default 2 s)
 * @param readTimeout how long to wait for a whole answer (default 30 s: a reference sample of a year of hours is a
 *     few megabytes of JSON); a check, and under the data clock the consumer of actuals, waits at most this long per
 *     request
 */
@Validated
@ConfigurationProperties("bikecast.monitoring.registry")
record RegistryProperties(
        @DefaultValue("http://localhost:8082") @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout) {}
