/**
 * Drift checks: the champion's reference sample against the current window of its served predictions (KS and
 * chi-square per feature, a multiple-testing correction, calibrated effect-size floors, a seasonal reference for the
 * weather), every check stored as a report and served as JSON and HTML, its meters, and the {@link
 * io.bikecast.monitoring.drift.DriftChecked} announcement the policy acts on.
 */
package io.bikecast.monitoring.drift;
