/**
 * The prediction log: every prediction the prediction service logs, stored once per prediction id however often Kafka
 * delivers it, for the drift window and live error to read.
 */
package io.bikecast.monitoring.predictionlog;
