import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * What a CAP reference is matched on: the message's identifier, and the sender and sent its
 * submitter's CAP document declared (the sender as a SHA-256 digest: it may be a person's
 * address, and equality is all a reference needs).
 */
export class CapReferences1764300000140 implements MigrationInterface {
  name = 'CapReferences1764300000140';

  up = migrationSteps(
    `ALTER TABLE alerts ADD COLUMN identifier text,
      ADD COLUMN declared_sender_digest bytea, ADD COLUMN declared_sent timestamptz`,
    `UPDATE alerts SET identifier = snapshot->>'identifier'`,
    'ALTER TABLE alerts ALTER COLUMN identifier SET NOT NULL',
    'CREATE INDEX ix_alerts_sender_identifier ON alerts (sender_organisation_id, identifier)',
  );

  down = migrationSteps(
    'DROP INDEX ix_alerts_sender_identifier',
    'ALTER TABLE alerts DROP COLUMN identifier, DROP COLUMN declared_sender_digest, DROP COLUMN declared_sent',
  );
}
