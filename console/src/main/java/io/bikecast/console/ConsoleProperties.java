package io.bikecast.console;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console finds the services, and the backtest reports it shows.
 *
 * @param predictionUrl the prediction service (default {@code http://localhost:8080})
 * @param ingestUrl the ingest service (default {@code http://localhost:8081})
 * @param trainingUrl the training service (default {@code http://localhost:8082})
 * @param monitoringUrl the monitoring service (default {@code http://localhost:8083})
 * @param connectTimeout how long to wait for a service to accept a connection (default 2 s): past it, it is down
 * @param readTimeout how long to wait for a service's answer (default 15 s)
 * @param backtestDirectory where {@code bin/local-suite backtest} wrote its reports: a {@code backtest.json} in it or
 *     in any folder directly under it (default {@code backtest})
 */
@ConfigurationProperties("bikecast.console")
public record ConsoleProperties(
        @DefaultValue("http://localhost:8080") URI predictionUrl,
        @DefaultValue("http://localhost:8081") URI ingestUrl,
        @DefaultValue("http://localhost:8082") URI trainingUrl,
        @DefaultValue("http://localhost:8083") URI monitoringUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("backtest") Path backtestDirectory) {}
