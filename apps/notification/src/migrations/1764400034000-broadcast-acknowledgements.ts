import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * Broadcasts as their recipients received them (so a partner can list them), and each recipient
 * organisation's acknowledgement of a broadcast (ADR 34).
 */
export class BroadcastAcknowledgements1764400034000 implements MigrationInterface {
  name = 'BroadcastAcknowledgements1764400034000';

  up = migrationSteps(
    'ALTER TABLE routed_messages ADD COLUMN broadcast jsonb',
    "ALTER TABLE routed_messages ADD CONSTRAINT ck_routed_messages_broadcast CHECK (broadcast IS NULL OR kind = 'broadcast')",
    // Broadcasts routed before this migration: their content from a delivery or a stream event that carried it.
    `UPDATE routed_messages m SET broadcast = coalesce(
      (SELECT d.body -> 'broadcast' FROM deliveries d
       WHERE d.alert_id = m.id AND d.message_type = 'broadcast.routed' LIMIT 1),
      (SELECT s.data -> 'broadcast' FROM stream_events s
       WHERE s.subject_id = m.id AND s.type = 'broadcast.routed' LIMIT 1))
    WHERE m.kind = 'broadcast'`,
    "CREATE INDEX ix_routed_messages_broadcasts ON routed_messages (routed_at DESC, id DESC) WHERE kind = 'broadcast'",
    `CREATE TABLE broadcast_acknowledgements (
      broadcast_id uuid NOT NULL REFERENCES routed_messages (id) ON DELETE CASCADE,
      organisation_id uuid NOT NULL,
      api_key_id uuid NOT NULL,
      person_id uuid,
      person_name text,
      acknowledged_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (broadcast_id, organisation_id)
    )`,
  );

  down = migrationSteps(
    'DROP TABLE broadcast_acknowledgements',
    'DROP INDEX ix_routed_messages_broadcasts',
    'ALTER TABLE routed_messages DROP CONSTRAINT ck_routed_messages_broadcast',
    'ALTER TABLE routed_messages DROP COLUMN broadcast',
  );
}
