/**
 * The training data: hourly observations of one series read from the ingest service's HTTP API (the only source,
 * checked before use), their dataset version, and their cut in time into training and holdout hours.
 */
package io.bikecast.training.data;
