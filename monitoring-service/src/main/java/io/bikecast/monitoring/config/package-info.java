/**
 * The settings several features share: which models are monitored (the default one and the model families beside
 * it), and the answer to a request that names another. Depends on no feature, and wires nothing.
 */
package io.bikecast.monitoring.config;
