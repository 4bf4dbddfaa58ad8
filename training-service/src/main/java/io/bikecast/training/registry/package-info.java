/**
 * The model registry: every version with its artifact and reference sample, the champion and challenger aliases and
 * their history, the API that serves them to the other services, and the moves people make by hand.
 */
package io.bikecast.training.registry;
