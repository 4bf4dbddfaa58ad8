-- Alerts can go by email too (bikecast.monitoring.alerts.email.to): a delivery's channel may be EMAIL.
ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_channel_check;
ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_channel_check CHECK (channel IN ('SLACK', 'DISCORD', 'EMAIL'));
