/**
 * The time every schedule of the service runs on: the wall clock, or under {@code bikecast.clock.mode=data} the
 * latest hour of the actuals whose due work is done, kept in the database.
 */
package io.bikecast.monitoring.clock;
