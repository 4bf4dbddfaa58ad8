package io.bikecast.training.config;

import io.bikecast.training.data.SeriesSelection;

/**
 * A model this service trains: its registry name and the series it learns from. The default model learns from the UCI
 * data's one series; a family over the stations of a GBFS system is one global model over all of them.
 */
public record ModelFamily(String modelName, SeriesSelection series) {}
