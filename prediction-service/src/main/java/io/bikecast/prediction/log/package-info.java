/**
 * The prediction log: every answered (and shadow) prediction as a {@code prediction-logged} event, handed to a bounded
 * in-memory buffer off the request path and drained to Kafka with retries, and the {@code kafka} health that shows the
 * buffer's depth and what it dropped.
 */
package io.bikecast.prediction.log;
