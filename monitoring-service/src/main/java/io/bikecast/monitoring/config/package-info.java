/**
 * The setting several features share: which model is monitored. Depends on no feature, and wires nothing.
 */
package io.bikecast.monitoring.config;
