import type { MigrationInterface } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from '@vigie/messaging';
import { migrationSteps } from '@vigie/persistence';

export class InitialRegistry1764300000000 implements MigrationInterface {
  name = 'InitialRegistry1764300000000';

  up = migrationSteps(
    `CREATE TABLE organisations (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      name text NOT NULL,
      sector text,
      siret text,
      cnaps_number text,
      status text NOT NULL,
      departments text[] NOT NULL,
      revision integer NOT NULL,
      status_changed_at timestamptz NOT NULL,
      status_changed_by text NOT NULL,
      status_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_organisations_siret UNIQUE (siret)
    )`,
    'CREATE INDEX ix_organisations_kind ON organisations (kind)',
    'CREATE INDEX ix_organisations_departments ON organisations USING gin (departments)',
    'CREATE UNIQUE INDEX uq_organisations_kind_name ON organisations (kind, lower(name))',
    `CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      secret_hash text NOT NULL,
      roles text[] NOT NULL,
      label text,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      replaces_key_id uuid REFERENCES api_keys (id)
    )`,
    'CREATE INDEX ix_api_keys_organisation ON api_keys (organisation_id)',
    `CREATE TABLE departments (
      code text PRIMARY KEY,
      name text NOT NULL,
      prefecture_organisation_id uuid NOT NULL REFERENCES organisations (id),
      competent_organisation_id uuid NOT NULL REFERENCES organisations (id)
    )`,
    `CREATE TABLE conventions (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      sector text NOT NULL,
      status text NOT NULL,
      signed_on date,
      signatories text[] NOT NULL,
      departments text[] NOT NULL,
      CONSTRAINT uq_conventions_code UNIQUE (code)
    )`,
    `CREATE TABLE convention_members (
      convention_id uuid NOT NULL REFERENCES conventions (id),
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      joined_at timestamptz NOT NULL DEFAULT now(),
      joined_by text NOT NULL,
      CONSTRAINT pk_convention_members PRIMARY KEY (convention_id, organisation_id)
    )`,
    'CREATE INDEX ix_convention_members_organisation ON convention_members (organisation_id)',
    `CREATE TABLE referents (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      department text NOT NULL,
      role text NOT NULL,
      full_name text NOT NULL,
      email text NOT NULL,
      phone text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_referents_role UNIQUE (organisation_id, department, role)
    )`,
    'CREATE INDEX ix_referents_department ON referents (department)',
    `CREATE TABLE sites (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      name text NOT NULL,
      kind text NOT NULL,
      commune text NOT NULL,
      department text NOT NULL,
      security_plan_status text NOT NULL,
      security_plan_version text,
      security_plan_date date,
      crisis_coordinator_id uuid REFERENCES referents (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX ix_sites_organisation ON sites (organisation_id)',
    'CREATE INDEX ix_sites_department ON sites (department)',
    `CREATE TABLE subscriptions (
      id uuid PRIMARY KEY,
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      departments text[] NOT NULL,
      event_codes text[] NOT NULL,
      minimum_severity text NOT NULL,
      sectors text[] NOT NULL,
      include_exercises boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    'CREATE INDEX ix_subscriptions_organisation ON subscriptions (organisation_id)',
    `CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      organisation_id uuid,
      before jsonb,
      after jsonb
    )`,
    'CREATE INDEX ix_audit_log_organisation ON audit_log (organisation_id, id)',
    createOutboxTable,
  );

  down = migrationSteps(
    dropOutboxTable,
    'DROP TABLE audit_log',
    'DROP TABLE subscriptions',
    'DROP TABLE sites',
    'DROP TABLE referents',
    'DROP TABLE convention_members',
    'DROP TABLE conventions',
    'DROP TABLE departments',
    'DROP TABLE api_keys',
    'DROP TABLE organisations',
  );
}
