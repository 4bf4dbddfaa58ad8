/**
 * The model's feature schema and the one feature-engineering path that training, serving, ingest and monitoring all
 * share, so that a model never sees features computed one way in training and another way in production.
 *
 * <p>The schema is the one of the UCI Bike Sharing data set ({@code hour.csv}); {@link
 * io.bikecast.common.features.FeatureEngineering} turns real-world conditions or a calendar date into it, and the tests
 * check that it reproduces every row of the data set exactly.
 */
package io.bikecast.common.features;
