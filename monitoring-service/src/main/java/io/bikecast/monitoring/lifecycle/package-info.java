/**
 * The models' lifecycle as training announces it: a champion promotion switches the drift reference and records the
 * champion, a promotion or a failed run raises an alert, a run that succeeds resolves the model's failed-run alerts,
 * and each event is acted on once however often it arrives.
 */
package io.bikecast.monitoring.lifecycle;
