/**
 * The service's settings that several features read ({@code bikecast.training.*}): which model it trains on which
 * series, the defaults of a run, and the bounds on the size of a model it registers.
 */
package io.bikecast.training.config;
