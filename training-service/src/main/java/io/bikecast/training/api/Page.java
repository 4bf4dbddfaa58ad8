package io.bikecast.training.api;

import java.util.List;

/** One page of a listing, newest first. */
public record Page<T>(List<T> items, int page, int size, long total) {}
