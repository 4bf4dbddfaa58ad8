package io.bikecast.registry.client;

import io.bikecast.common.registry.ReferenceSample;

/**
 * Everything needed to serve a version without asking the registry again: its description, its reference sample and
 * its artifact (whose SHA-256 is {@code version.artifactSha256()}).
 */
public record CachedModel(ModelVersion version, ReferenceSample reference, byte[] artifact) {}
