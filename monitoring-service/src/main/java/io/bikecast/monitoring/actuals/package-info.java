/**
 * The actual demand ingest announces, stored per series and hour (the latest value wins), and the announcement of
 * each stored batch's latest hour ({@link io.bikecast.monitoring.actuals.ActualsStored}), which moves the data clock.
 */
package io.bikecast.monitoring.actuals;
