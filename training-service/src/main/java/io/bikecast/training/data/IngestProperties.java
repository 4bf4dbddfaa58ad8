package io.bikecast.training.data;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the training data comes from: the ingest service's HTTP API, which owns the observations
 * ({@code bikecast.training.ingest.*}). Training has no access to the ingest service's tables.
 *
 * @param baseUrl the ingest service's base URL (default {@code http://localhost:8081}, its usual port; {@code
 *     BIKECAST_INGEST_URL})
 * @param connectTimeout how long to wait for a connection (default 2 s): the ingest service is near, and a run should
 *     fail quickly, saying why, when it is down
 * @param readTimeout the longest silence while waiting for or reading an answer (default 60 s). It bounds each wait
 *     for bytes, not a whole export: an export is written page by page as the database reads it, so a long window
 *     takes as long as it takes without ever being silent for long
 */
@Validated
@ConfigurationProperties("bikecast.training.ingest")
record IngestProperties(
        @DefaultValue("http://localhost:8081") @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration readTimeout) {}
