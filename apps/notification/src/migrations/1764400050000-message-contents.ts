import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/**
 * What every recipient of a message sees alike is stored once (`message_contents`); deliveries
 * and stream events written since hold only their own part and name the content. Rows written
 * before keep their whole copy (no content): reads lay the part over the content when there is one.
 */
export class MessageContents1764400050000 implements MigrationInterface {
  name = 'MessageContents1764400050000';

  up = migrationSteps(
    `CREATE TABLE message_contents (
      id uuid PRIMARY KEY,
      data jsonb NOT NULL,
      personal_data_erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    'ALTER TABLE deliveries ADD COLUMN content_id uuid REFERENCES message_contents (id)',
    'ALTER TABLE stream_events ADD COLUMN content_id uuid REFERENCES message_contents (id)',
  );

  down = migrationSteps(
    'ALTER TABLE stream_events DROP COLUMN content_id',
    'ALTER TABLE deliveries DROP COLUMN content_id',
    'DROP TABLE message_contents',
  );
}
