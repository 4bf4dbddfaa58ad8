-- Slack and Discord put a webhook's secret token in its URL, and delivery errors stored before WebhookFailure could
-- name that URL; GET /api/v1/alerts shows last_error to anyone, so the URLs are taken out of what is stored.
UPDATE alert_delivery
   SET last_error = regexp_replace(last_error, '[a-zA-Z][a-zA-Z0-9+.-]*://\S*', '<webhook URL redacted>', 'g')
 WHERE last_error ~ '://';
