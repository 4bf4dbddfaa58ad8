/**
 * The retraining policy: after each drift check (and, under the data clock, at every advance) it judges dataset drift,
 * live error against the champion's own holdout error and the age of the served fit, raises the drift and degradation
 * alerts, and requests retraining through the outbox, at most once per cooldown.
 */
package io.bikecast.monitoring.policy;
