import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a CAP reference is matched on: the message's identifier, and the sender and sent its
 * submitter's CAP document declared (the sender as a SHA-256 digest: it may be a person's
 * address, and equality is all a reference needs).
 */
export class CapReferences1764300000140 implements MigrationInterface {
  name = 'CapReferences1764300000140';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE alerts ADD COLUMN identifier text,
      ADD COLUMN declared_sender_digest bytea, ADD COLUMN declared_sent timestamptz`);
    await runner.query(`UPDATE alerts SET identifier = snapshot->>'identifier'`);
    await runner.query('ALTER TABLE alerts ALTER COLUMN identifier SET NOT NULL');
    await runner.query('CREATE INDEX ix_alerts_sender_identifier ON alerts (sender_organisation_id, identifier)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX ix_alerts_sender_identifier');
    await runner.query(
      'ALTER TABLE alerts DROP COLUMN identifier, DROP COLUMN declared_sender_digest, DROP COLUMN declared_sent',
    );
  }
}
