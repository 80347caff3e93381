import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change to `webhooks` that can change what a distribution plans (a webhook registered or
 * removed, disabled or enabled, its URL or owner changed) is announced on `webhooks_<schema>`
 * when it commits: each instance's ActiveWebhooks then trusts what it holds until it hears one,
 * instead of reading the recipients' webhooks for every batch (ADR 62). A failure counted or a run
 * of failures ended is not announced.
 */
export class WebhooksAnnounced1764400062000 implements MigrationInterface {
  name = 'WebhooksAnnounced1764400062000';

  async up(runner: QueryRunner): Promise<void> {
    const [{ schema }] = (await runner.query('SELECT current_schema() AS schema')) as { schema: string }[];
    await runner.query(`
      CREATE FUNCTION "${schema}".announce_webhooks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('webhooks_${schema}', '');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER webhooks_added_or_removed AFTER INSERT OR DELETE OR TRUNCATE ON webhooks
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".announce_webhooks_changed()`);
    await runner.query(`
      CREATE TRIGGER webhooks_changed AFTER UPDATE ON webhooks FOR EACH ROW
      WHEN (OLD.disabled_at IS DISTINCT FROM NEW.disabled_at OR OLD.url IS DISTINCT FROM NEW.url
            OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
      EXECUTE FUNCTION "${schema}".announce_webhooks_changed()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER webhooks_changed ON webhooks');
    await runner.query('DROP TRIGGER webhooks_added_or_removed ON webhooks');
    await runner.query('DROP FUNCTION announce_webhooks_changed()');
  }
}
