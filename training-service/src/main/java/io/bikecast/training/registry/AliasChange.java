package io.bikecast.training.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One move of an alias, from the alias history.
 *
 * @param version the version it pointed at from {@code changedAt} on, or null when it was cleared
 * @param source what moved it: schedule, drift, ingest (a training run with that trigger) or api (a person)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AliasChange(
        long id,
        String modelName,
        String alias,
        Long version,
        Long previousVersion,
        Instant changedAt,
        String source,
        String reason,
        JsonNode metrics) {}
