package io.bikecast.monitoring.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The one setting several features read ({@code bikecast.monitoring.model-name}): which model is monitored. Every
 * other setting belongs to the feature that uses it ({@code bikecast.monitoring.drift.*} to drift, {@code
 * .live-error.*} to live error, {@code .policy.*} to the retraining policy, {@code .alerts.*} to alerts, {@code
 * .registry.*} to the champion); docs/monitoring-service.md lists them all as one table.
 *
 * @param modelName the registry name of the model whose champion is monitored for drift and retrained (default
 *     {@code bike-demand})
 */
@Validated
@ConfigurationProperties("bikecast.monitoring")
public record MonitoringProperties(
        @DefaultValue("bike-demand") @NotBlank String modelName) {}
