/**
 * Batch predictions ({@code POST /api/v1/predict/batch}, and {@code POST /predict/batch} for the seed service's
 * clients): up to {@code max-batch-rows} rows of either form, checked for their number first and then each, every bad
 * row and field named.
 */
package io.bikecast.prediction.batch;
