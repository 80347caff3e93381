import { randomUUID } from 'node:crypto';
import { AcknowledgementChannel } from '@vigie/contracts';
import { insertAcknowledgement } from '../../apps/notification/src/acknowledgements/acknowledgements.queries';
import { alertStates } from '../../apps/notification/src/alert-states/alert-states.queries';
import { writeDistributions } from '../../apps/notification/src/deliveries/distribution.queries';
import { insertRecipients } from '../../apps/notification/src/deliveries/routed-messages.queries';
import type { PagePosition } from '../../apps/notification/src/page-cursor';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import {
  deliveryStatus,
  insertOwnDelivery,
  requeueDeadSince,
  requeueDelivery,
  webhookDeliveries,
} from '../../apps/notification/src/webhooks/webhook-deliveries.queries';
import { ownSchema } from './own-schema';
import { freshIds, insertDirectoryOrganisation, insertWebhook } from './seed-rows';

/**
 * Notification's self-service and alert-state queries against the real PostgreSQL: paging a
 * webhook's deliveries by position (ties on the creation time included), queuing deliveries
 * again, and what an organisation reads of the alerts it sent or received.
 */

describe('webhook deliveries and alert states on the real PostgreSQL', () => {
  const db = ownSchema('webhook_deliveries', NOTIFICATION_TABLES);
  const [organisation, webhook, otherWebhook] = freshIds(3);

  async function delivery(webhookId: string, createdAt: string, status = 'sent'): Promise<string> {
    const id = randomUUID();
    await insertOwnDelivery(db.dataSource.manager, {
      id,
      subjectId: randomUUID(),
      messageType: 'vigie.test',
      organisationId: organisation,
      webhookId,
      body: { test: true },
    });
    await db.dataSource.query('UPDATE deliveries SET created_at = $2, status = $3 WHERE id = $1', [
      id,
      createdAt,
      status,
    ]);
    return id;
  }

  beforeAll(async () => {
    for (const id of [webhook, otherWebhook]) {
      await insertWebhook(db.dataSource, { id, organisationId: organisation, url: 'https://example.org/hook' });
    }
  });

  it('pages a webhook’s deliveries newest first, each once, ties on the creation time included', async () => {
    const tie = '2026-12-04T10:00:00.123456Z';
    const ids = [
      await delivery(webhook, '2026-12-04T09:00:00Z'),
      await delivery(webhook, tie),
      await delivery(webhook, tie),
      await delivery(webhook, tie, 'dead'),
      await delivery(webhook, '2026-12-04T11:00:00Z'),
    ];
    await delivery(otherWebhook, '2026-12-04T12:00:00Z');
    const seen: string[] = [];
    let after: PagePosition | null = null;
    for (let page = 0; page < 5; page++) {
      const rows = await webhookDeliveries(db.dataSource.manager, {
        webhookId: webhook,
        status: null,
        after,
        limit: 2,
      });
      seen.push(...rows.map((row) => row.id));
      if (rows.length < 2) break;
      after = { position: rows[1].position, id: rows[1].id };
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[4]);
    expect(seen[4]).toBe(ids[0]);
    const dead = await webhookDeliveries(db.dataSource.manager, {
      webhookId: webhook,
      status: 'dead',
      after: null,
      limit: 10,
    });
    expect(dead.map((row) => row.id)).toEqual([ids[3]]);
    expect(dead[0]).toMatchObject({ status: 'dead', messageType: 'vigie.test', attempts: 0 });
    expect(dead[0].position).toBe('2026-12-04T10:00:00.123456');
  });

  it('queues a sent or dead delivery again, not a pending one nor another webhook’s', async () => {
    const sent = await delivery(webhook, '2026-12-04T13:00:00Z', 'sent');
    const pending = await delivery(webhook, '2026-12-04T13:00:00Z', 'pending');
    const elsewhere = await delivery(otherWebhook, '2026-12-04T13:00:00Z', 'dead');
    expect(await requeueDelivery(db.dataSource.manager, webhook, sent)).toMatchObject({ id: sent, status: 'pending' });
    expect(await requeueDelivery(db.dataSource.manager, webhook, pending)).toBeUndefined();
    expect(await deliveryStatus(db.dataSource.manager, webhook, pending)).toBe('pending');
    expect(await requeueDelivery(db.dataSource.manager, webhook, elsewhere)).toBeUndefined();
    expect(await deliveryStatus(db.dataSource.manager, webhook, elsewhere)).toBeUndefined();
  });

  it('queues again the dead deliveries since a time, and counts the failed ones left to their retry', async () => {
    const hook = randomUUID();
    await insertWebhook(db.dataSource, { id: hook, organisationId: organisation, url: 'https://example.org/h' });
    await delivery(hook, '2026-12-01T00:00:00Z', 'dead');
    const recent = await delivery(hook, '2026-12-03T00:00:00Z', 'dead');
    await delivery(hook, '2026-12-03T01:00:00Z', 'failed');
    expect(await requeueDeadSince(db.dataSource.manager, hook, '2026-12-02T00:00:00Z')).toEqual({
      redelivered: 1,
      stillRetrying: 1,
    });
    expect(await deliveryStatus(db.dataSource.manager, hook, recent)).toBe('pending');
    expect(await requeueDeadSince(db.dataSource.manager, hook, '2026-12-02T00:00:00Z')).toEqual({
      redelivered: 0,
      stillRetrying: 1,
    });
  });

  it('gives the sender and each recipient their own state of an alert, and nothing to anyone else', async () => {
    const sender = randomUUID();
    const recipient = randomUUID();
    const other = randomUUID();
    const alertId = randomUUID();
    const referent = randomUUID();
    // The message and its recipient in one statement, as a batch of routed messages is remembered.
    await writeDistributions(db.dataSource.manager, {
      messages: [
        {
          id: alertId,
          kind: 'alert',
          originalAlertId: alertId,
          senderOrganisationId: sender,
          routedAt: '2026-12-04T10:00:00Z',
          broadcast: null,
          recipients: [{ organisationId: recipient, rule: 'competent-prefecture', reason: 'compétente' }],
        },
      ],
    });
    await insertRecipients(db.dataSource.manager, alertId, [{ organisationId: recipient, rule: 'again', reason: 'x' }]);
    await insertDirectoryOrganisation(db.dataSource, {
      id: recipient,
      kind: 'PREFECTURE',
      name: 'Préfecture du Rhône',
      departments: ['69'],
    });
    await db.dataSource.query(
      `INSERT INTO referents (id, organisation_id, department, role, full_name, email)
       VALUES ($1, $2, '69', 'PRIMARY', 'Camille Durand', 'camille@example.org')`,
      [referent, recipient],
    );
    const acknowledgement = {
      alertId,
      organisationId: recipient,
      channel: AcknowledgementChannel.Email,
      apiKeyId: null,
      referentId: referent,
      person: null,
      note: null,
    };
    const at = await insertAcknowledgement(db.dataSource.manager, acknowledgement);
    expect(at).toBeInstanceOf(Date);
    expect(await insertAcknowledgement(db.dataSource.manager, acknowledgement)).toBeUndefined();

    const [mine] = await alertStates(db.dataSource.manager, [alertId], recipient);
    expect(mine).toEqual({
      alertId,
      rule: 'competent-prefecture',
      reason: 'compétente',
      acknowledgedAt: at,
      acknowledgedBy: 'Camille Durand',
      escalation: null,
    });
    expect(await alertStates(db.dataSource.manager, [alertId], sender)).toEqual([
      { alertId, rule: null, reason: null, acknowledgedAt: null, acknowledgedBy: null, escalation: null },
    ]);
    expect(await alertStates(db.dataSource.manager, [alertId], other)).toEqual([]);
  });
});
