import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RULES } from '../rule-engine';

/**
 * Rules move from code to PostgreSQL, seeded with the defaults; changes that arrive before
 * their original alert wait in `parked_changes`; broadcasts keep their decision beside them.
 */
export class StoredRulesAndBroadcasts1764300000201 implements MigrationInterface {
  name = 'StoredRulesAndBroadcasts1764300000201';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing_rules (
        id text PRIMARY KEY,
        description text NOT NULL,
        conditions jsonb NOT NULL,
        selector jsonb NOT NULL,
        tlp text,
        position int NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        builtin boolean NOT NULL DEFAULT false,
        owner_organisation_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    let position = 0;
    for (const rule of DEFAULT_RULES) {
      position += 10;
      await runner.query(
        `INSERT INTO routing_rules (id, description, conditions, selector, tlp, position, builtin, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, true, 'platform')`,
        [rule.id, rule.description, JSON.stringify(rule.when), JSON.stringify(rule.select), rule.tlp ?? null, position],
      );
    }
    await runner.query(`ALTER TABLE routing_decisions ADD COLUMN original_alert_id uuid`);
    await runner.query(`UPDATE routing_decisions SET original_alert_id = alert_id`);
    await runner.query(`ALTER TABLE routing_decisions ALTER COLUMN original_alert_id SET NOT NULL`);
    await runner.query(`CREATE INDEX ix_routing_decisions_original ON routing_decisions (original_alert_id)`);
    await runner.query(`
      CREATE TABLE parked_changes (
        event_id uuid PRIMARY KEY,
        original_alert_id uuid NOT NULL,
        envelope jsonb NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        sequence bigserial NOT NULL
      )`);
    await runner.query(`CREATE INDEX ix_parked_changes_original ON parked_changes (original_alert_id, sequence)`);
    await runner.query(`
      CREATE TABLE broadcasts (
        id uuid PRIMARY KEY,
        sender_organisation_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        recipients jsonb NOT NULL,
        excluded jsonb NOT NULL,
        warnings jsonb NOT NULL,
        routed_at timestamptz NOT NULL,
        decision_id uuid NOT NULL
      )`);
    await runner.query(`CREATE INDEX ix_broadcasts_sender ON broadcasts (sender_organisation_id, routed_at)`);
    await runner.query(`CREATE INDEX ix_broadcasts_recipients ON broadcasts USING gin (recipients jsonb_path_ops)`);
    // Every change to the directory read model bumps a version, so routing reloads it only then.
    const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    await runner.query(`
      CREATE TABLE directory_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL
      )`);
    await runner.query(`INSERT INTO directory_version (version) VALUES (0)`);
    await runner.query(`
      CREATE FUNCTION "${schema}".bump_directory_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "${schema}".directory_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_organisations
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".bump_directory_version()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER directory_changed ON directory_organisations');
    await runner.query('DROP FUNCTION bump_directory_version()');
    await runner.query('DROP TABLE directory_version');
    await runner.query('DROP TABLE broadcasts');
    await runner.query('DROP TABLE parked_changes');
    await runner.query('DROP INDEX ix_routing_decisions_original');
    await runner.query('ALTER TABLE routing_decisions DROP COLUMN original_alert_id');
    await runner.query('DROP TABLE routing_rules');
  }
}
