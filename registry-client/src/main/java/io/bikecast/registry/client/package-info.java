/**
 * The training service's model registry as its clients see it: {@link io.bikecast.registry.client.RegistryApi} (the
 * HTTP contract, declared with {@code @HttpExchange}), {@link io.bikecast.registry.client.TrainingRegistryClient}
 * (which verifies every artifact it downloads) and {@link io.bikecast.registry.client.ModelArtifactCache} (the last good
 * artifacts on local disk, for starting while the training service is away). Nothing here reads a database.
 */
package io.bikecast.registry.client;
