import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

export class IdempotencyKeys1764300000110 implements MigrationInterface {
  name = 'IdempotencyKeys1764300000110';

  up = migrationSteps(
    `CREATE TABLE idempotency_keys (
      organisation_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      -- Deferred: the key is claimed first, then the alert it names is inserted.
      alert_id uuid NOT NULL REFERENCES alerts (id) DEFERRABLE INITIALLY DEFERRED,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_idempotency_keys PRIMARY KEY (organisation_id, key)
    )`,
    'CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)',
  );

  down = migrationSteps('DROP TABLE idempotency_keys');
}
