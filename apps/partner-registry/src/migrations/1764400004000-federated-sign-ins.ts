import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** The ID tokens that opened a session through State sign-in, kept until they expire: each opens one. */
export class FederatedSignIns1764400004000 implements MigrationInterface {
  name = 'FederatedSignIns1764400004000';

  up = migrationSteps(
    `CREATE TABLE federated_sign_ins (
      token_digest text PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people (id),
      used_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`,
    'CREATE INDEX ix_federated_sign_ins_expiry ON federated_sign_ins (expires_at)',
  );

  down = migrationSteps('DROP TABLE federated_sign_ins');
}
