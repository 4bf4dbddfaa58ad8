/**
 * Reading the model registry the training service keeps in the {@code registry} schema: the versions an alias
 * ({@code champion}, {@code challenger}) points at, their artifacts (verified against their SHA-256 before use) and
 * their reference samples. The prediction and monitoring services use it; only the training service writes.
 */
package io.bikecast.common.registry;
