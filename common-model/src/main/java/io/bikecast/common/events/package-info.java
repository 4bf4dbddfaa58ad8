/**
 * The events bikecast services exchange over Kafka: a sealed hierarchy of records, written as JSON with a {@code type}
 * discriminator and a {@code schemaVersion}, and the topics that carry them ({@link io.bikecast.common.events.Topics}).
 * The shape is declared here with Jackson's annotations; the mapper every service reads and writes it with is
 * platform's {@code io.bikecast.platform.kafka.EventJson}.
 *
 * <p>Compatibility rules: a consumer ignores fields it does not know, and every field added after version 1 is optional
 * and defaulted when missing, so an older producer's events stay readable.
 */
package io.bikecast.common.events;
