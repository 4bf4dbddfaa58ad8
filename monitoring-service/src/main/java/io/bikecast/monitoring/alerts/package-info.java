/**
 * Alerts: stored first (folded when the same kind and key comes again within the fold window), then delivered to the
 * Slack and Discord webhooks and by email (SMTP) with retries until they succeed, without ever writing a webhook's URL
 * or the SMTP credentials to the log or the API. The features that raise an alert ({@link io.bikecast.monitoring.alerts.NewAlert}) choose its words.
 */
package io.bikecast.monitoring.alerts;
