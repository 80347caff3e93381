-- Where a trickle alert's time goes between the services, read from the bench database after a
-- run: `psql postgres://postgres@127.0.0.1:5432/vigie_bench -f bench/report/trickle-timeline.sql`.
-- Transaction timestamps are now() (the transaction's start); `sent` is ingestion taking the
-- request; `routed_at` routing's decision. Alerts sent at least 0.9 s after the one before
-- (the 1 alert/s step) only, so that no queue is in the figures. Milliseconds: median, 90th
-- percentile and maximum of each stage, so that a tail shows where it comes from.
WITH trickle AS (
  SELECT id, sent FROM (
    SELECT id, sent, sent - lag(sent) OVER (ORDER BY sent) AS gap FROM ingestion.alerts) a
  WHERE gap >= interval '900 milliseconds'),
stages AS (
  SELECT
    extract(epoch FROM io.created_at - t.sent) * 1000 AS request_to_transaction,
    extract(epoch FROM io.published_at - io.created_at) * 1000 AS transaction_to_relay,
    extract(epoch FROM rh.handled_at - io.published_at) * 1000 AS relay_to_routing,
    extract(epoch FROM rd.routed_at - rh.handled_at) * 1000 AS routing_decides,
    extract(epoch FROM ro.published_at - rh.handled_at) * 1000 AS routing_to_relay,
    extract(epoch FROM nh.handled_at - ro.published_at) * 1000 AS relay_to_notification,
    extract(epoch FROM d.sent_at - nh.handled_at) * 1000 AS notification_to_recorded_sent
  FROM trickle t
  JOIN ingestion.outbox io ON io.topic = 'alert.submitted.v1' AND (io.envelope #>> '{payload,alert,alertId}')::uuid = t.id
  JOIN routing.handled_events rh ON rh.event_id = io.id
  JOIN routing.routing_decisions rd ON rd.alert_id = t.id
  JOIN routing.outbox ro ON ro.topic = 'alert.routed.v1' AND (ro.envelope #>> '{payload,alert,alertId}')::uuid = t.id
  JOIN notification.handled_events nh ON nh.event_id = ro.id
  -- The trickle's alerts have one webhook delivery each (the fan-out alert, a thousand, is left out).
  JOIN LATERAL (SELECT min(sent_at) AS sent_at, count(*) AS deliveries
                FROM notification.deliveries WHERE alert_id = t.id AND status = 'sent') d ON d.deliveries = 1)
SELECT stage, count(*) AS alerts,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS median_ms,
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)::numeric, 1) AS p90_ms,
       round(max(ms)::numeric, 1) AS max_ms
FROM stages, LATERAL (VALUES
  (1, 'ingestion: request → its transaction', request_to_transaction),
  (2, 'ingestion: transaction → relay round', transaction_to_relay),
  (3, 'relay round → routing''s transaction (Kafka hop)', relay_to_routing),
  (4, 'routing: transaction → decision', routing_decides),
  (5, 'routing: transaction → relay round', routing_to_relay),
  (6, 'relay round → notification''s transaction (Kafka hop)', relay_to_notification),
  (7, 'notification: transaction → webhook answered, success recorded', notification_to_recorded_sent)
) AS step(position, stage, ms)
GROUP BY position, stage
ORDER BY position;
