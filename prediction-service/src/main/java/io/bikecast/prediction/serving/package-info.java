/**
 * The models being served: the champion and challenger in hand as one snapshot, loaded in the background at start-up
 * (disk cache first, then the training service's registry, retried with back-off), kept in step with promotions and a
 * periodic re-check, refused with a reason when they cannot be served, and the readiness that waits for a champion.
 */
package io.bikecast.prediction.serving;
