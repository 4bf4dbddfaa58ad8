/**
 * The models' lifecycle as training announces it: a champion promotion switches the drift reference and records the
 * champion, a promotion or a failed run raises an alert, and each event is acted on once however often it arrives.
 */
package io.bikecast.monitoring.lifecycle;
