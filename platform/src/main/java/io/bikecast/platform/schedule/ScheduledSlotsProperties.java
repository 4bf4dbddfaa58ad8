package io.bikecast.platform.schedule;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service records which slots of its scheduled jobs have run ({@code bikecast.schedule.*}).
 *
 * @param slotTable the table, schema-qualified ({@code registry.scheduled_slot}, {@code monitoring.scheduled_slot});
 *     the service's own Flyway migration creates it with the columns {@code job TEXT, slot TIMESTAMPTZ, claimed_by
 *     TEXT, claimed_at TIMESTAMPTZ} and the primary key {@code (job, slot)}. Naming it turns {@link ScheduledSlots} on
 */
@ConfigurationProperties("bikecast.schedule")
@Validated
public record ScheduledSlotsProperties(
        @NotNull @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")
        String slotTable) {}
