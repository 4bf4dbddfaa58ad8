package io.bikecast.registry.client;

import org.jspecify.annotations.Nullable;

/**
 * The versions a service last served, as recorded in its {@link ModelArtifactCache}: what it serves again when it
 * starts while the registry is away.
 *
 * @param champion the champion's version
 * @param challenger the challenger's version, or null when there was none
 */
public record ServedVersions(long champion, @Nullable Long challenger) {}
