/**
 * What asks for training runs besides a person: {@code training-requested} and (optionally) {@code
 * observations-ingested} events, and the optional wall-clock cron, which fires once across instances.
 */
package io.bikecast.training.triggers;
