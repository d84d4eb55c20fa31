-- The addresses checks use: where the service answers, its readiness and metrics endpoints, and the
-- Prometheus server that holds its alerts (its health check and repository are recorded already).

ALTER TABLE service ADD COLUMN base_url text;
ALTER TABLE service ADD COLUMN readiness_url text;
ALTER TABLE service ADD COLUMN metrics_url text;
ALTER TABLE service ADD COLUMN prometheus_url text;
