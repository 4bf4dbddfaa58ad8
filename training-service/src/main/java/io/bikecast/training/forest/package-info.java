/**
 * Random forests of CART regression trees: training them in parallel shards, scoring them, measuring their size and
 * compacting their provenance. No state and no Spring beans: plain functions of data.
 */
package io.bikecast.training.forest;
