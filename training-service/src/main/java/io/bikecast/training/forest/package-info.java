/**
 * Random forests of CART regression trees: training them in parallel shards, scoring them, measuring their size, and
 * packing them with their provenance and reference sample. No state and no Spring beans: plain functions of data.
 */
package io.bikecast.training.forest;
