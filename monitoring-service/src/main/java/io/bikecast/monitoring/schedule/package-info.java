/**
 * When the work falls due: drift checks on the wall clock's timer, once per interval across instances, or under the
 * data clock as each batch of actuals moves the data hours (the check, else the scheduled refresh, and only then the
 * clock), and {@code GET /api/v1/clock}, which shows the clock and the last retraining request.
 */
package io.bikecast.monitoring.schedule;
