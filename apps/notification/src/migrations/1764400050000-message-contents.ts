import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What every recipient of a message sees alike is stored once (`message_contents`); deliveries
 * and stream events written since hold only their own part and name the content. Rows written
 * before keep their whole copy (no content): reads lay the part over the content when there is one.
 */
export class MessageContents1764400050000 implements MigrationInterface {
  name = 'MessageContents1764400050000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE message_contents (
        id uuid PRIMARY KEY,
        data jsonb NOT NULL,
        personal_data_erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('ALTER TABLE deliveries ADD COLUMN content_id uuid REFERENCES message_contents (id)');
    await runner.query('ALTER TABLE stream_events ADD COLUMN content_id uuid REFERENCES message_contents (id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stream_events DROP COLUMN content_id');
    await runner.query('ALTER TABLE deliveries DROP COLUMN content_id');
    await runner.query('DROP TABLE message_contents');
  }
}
