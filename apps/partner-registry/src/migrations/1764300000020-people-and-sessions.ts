import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** People of organisations, their one-time invitations and their sessions (secrets stored hashed). */
export class PeopleAndSessions1764300000020 implements MigrationInterface {
  name = 'PeopleAndSessions1764300000020';

  up = migrationSteps(
    `CREATE TABLE people (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      email text NOT NULL,
      full_name text NOT NULL,
      roles text[] NOT NULL,
      status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
      password_hash text NOT NULL,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz
    )`,
    'CREATE UNIQUE INDEX uq_people_email ON people (lower(email))',
    'CREATE INDEX ix_people_organisation ON people (organisation_id)',
    `CREATE TABLE invitations (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      email text NOT NULL,
      full_name text NOT NULL,
      roles text[] NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz
    )`,
    'CREATE INDEX ix_invitations_organisation ON invitations (organisation_id)',
    `CREATE TABLE person_sessions (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES people (id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`,
    'CREATE INDEX ix_person_sessions_person ON person_sessions (person_id) WHERE revoked_at IS NULL',
  );

  down = migrationSteps('DROP TABLE person_sessions', 'DROP TABLE invitations', 'DROP TABLE people');
}
