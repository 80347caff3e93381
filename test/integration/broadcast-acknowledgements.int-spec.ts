import { randomUUID } from 'node:crypto';
import { AlertSeverity, AlertStatus, newEventId, Tlp, type BroadcastSnapshot } from '@vigie/contracts';
import {
  broadcastAcknowledgement,
  broadcastAcknowledgements,
  broadcastVisibleTo,
  insertBroadcastAcknowledgement,
  receivedBroadcast,
  receivedBroadcasts,
  senderOfBroadcastTo,
} from '../../apps/notification/src/broadcasts/broadcast-acknowledgements.queries';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import { ownSchema } from './own-schema';
import { freshIds, insertDirectoryOrganisation, insertRouted } from './seed-rows';

/**
 * The broadcast acknowledgements query module against the real PostgreSQL, on a schema of this
 * file's own (its migration included): what each organisation may list, read and acknowledge.
 */

describe('broadcast acknowledgements on the real PostgreSQL', () => {
  const db = ownSchema('broadcast_acks', NOTIFICATION_TABLES);
  const [prefecture, firm, jeweller, outsider] = freshIds(4);
  const older = newEventId();
  const newer = newEventId();
  const alert = newEventId();

  const snapshot = (broadcastId: string, headline: string): BroadcastSnapshot => ({
    broadcastId,
    senderOrganisationId: prefecture,
    senderName: 'Préfecture de la Haute-Vienne',
    sent: new Date().toISOString(),
    status: AlertStatus.Actual,
    tlp: Tlp.Green,
    severity: AlertSeverity.Moderate,
    headline,
    description: 'Repérages signalés.',
    audience: { departments: ['87'], sectors: [], conventions: [] },
  });

  const routed = (id: string, kind: 'alert' | 'broadcast', at: string, recipients: string[]) =>
    insertRouted(
      db.dataSource,
      {
        id,
        kind,
        senderOrganisationId: prefecture,
        routedAt: at,
        broadcast: kind === 'broadcast' ? snapshot(id, `Message ${at}`) : undefined,
      },
      { organisationIds: recipients, rule: 'broadcast-audience', reason: 'in 87' },
    );

  beforeAll(async () => {
    for (const [id, name] of [
      [prefecture, 'Préfecture de la Haute-Vienne'],
      [firm, 'Limoges Gardiennage'],
      [jeweller, 'Bijouterie du Limousin'],
      [outsider, 'Poitou Veille'],
    ]) {
      await insertDirectoryOrganisation(db.dataSource, { id, kind: 'SECURITY_FIRM', name, departments: ['87'] });
    }
    await routed(older, 'broadcast', '2026-12-04T20:00:00Z', [firm, jeweller]);
    await routed(newer, 'broadcast', '2026-12-04T21:00:00Z', [firm]);
    await routed(alert, 'alert', '2026-12-04T22:00:00Z', [firm]);
  });

  it('lists the broadcasts routed to an organisation, newest first, and no alert', async () => {
    const all = { after: null, limit: 100 };
    const listed = await receivedBroadcasts(db.dataSource.manager, firm, all);
    expect(listed.map((item) => item.broadcast.broadcastId)).toEqual([newer, older]);
    expect(listed[0]).toMatchObject({ rule: 'broadcast-audience', reason: 'in 87', acknowledgement: null });
    expect(
      (await receivedBroadcasts(db.dataSource.manager, jeweller, all)).map((item) => item.broadcast.broadcastId),
    ).toEqual([older]);
    expect(await receivedBroadcasts(db.dataSource.manager, outsider, all)).toEqual([]);
    // A page at a time: the next page starts after the position of the last item of the previous one.
    const [first, ...none] = await receivedBroadcasts(db.dataSource.manager, firm, { after: null, limit: 1 });
    expect(none).toEqual([]);
    expect(first.broadcast.broadcastId).toBe(newer);
    expect(first.position).toEqual({ position: '2026-12-04T21:00:00.000000', id: newer });
    const second = await receivedBroadcasts(db.dataSource.manager, firm, { after: first.position, limit: 1 });
    expect(second.map((item) => item.broadcast.broadcastId)).toEqual([older]);
    expect(await receivedBroadcasts(db.dataSource.manager, firm, { after: second[0].position, limit: 1 })).toEqual([]);
    expect(await receivedBroadcast(db.dataSource.manager, outsider, older)).toBeNull();
    expect(await receivedBroadcast(db.dataSource.manager, firm, alert)).toBeNull();
  });

  it('acknowledges once per organisation, only where the broadcast was routed', async () => {
    expect(await senderOfBroadcastTo(db.dataSource.manager, older, firm)).toBe(prefecture);
    expect(await senderOfBroadcastTo(db.dataSource.manager, older, outsider)).toBeNull();
    expect(await senderOfBroadcastTo(db.dataSource.manager, alert, firm)).toBeNull();

    const byKey = { broadcastId: older, organisationId: firm, apiKeyId: randomUUID(), person: null };
    expect(await insertBroadcastAcknowledgement(db.dataSource.manager, byKey)).toBe(true);
    const first = await broadcastAcknowledgement(db.dataSource.manager, older, firm);
    expect(
      await insertBroadcastAcknowledgement(db.dataSource.manager, {
        ...byKey,
        person: { id: randomUUID(), name: 'X' },
      }),
    ).toBe(false);
    expect(await broadcastAcknowledgement(db.dataSource.manager, older, firm)).toEqual(first);
    expect(first).toMatchObject({
      broadcastId: older,
      organisationId: firm,
      organisationName: 'Limoges Gardiennage',
      person: null,
    });

    const person = { id: randomUUID(), name: 'Léa Martin' };
    await insertBroadcastAcknowledgement(db.dataSource.manager, {
      broadcastId: older,
      organisationId: jeweller,
      apiKeyId: randomUUID(),
      person,
    });
    expect((await receivedBroadcast(db.dataSource.manager, jeweller, older))?.acknowledgement?.person).toEqual(person);
  });

  it('shows every acknowledgement to the sender, its own to a recipient, nothing to an outsider', async () => {
    const reader = (organisationId: string | null, isAdmin = false) => ({ organisationId, isAdmin });
    const organisations = async (who: { organisationId: string | null; isAdmin: boolean }) =>
      (await broadcastAcknowledgements(db.dataSource.manager, [older, newer], who)).map((ack) => ack.organisationId);
    expect(await organisations(reader(prefecture))).toEqual([firm, jeweller]);
    expect(await organisations(reader(null, true))).toEqual([firm, jeweller]);
    expect(await organisations(reader(jeweller))).toEqual([jeweller]);
    expect(await organisations(reader(outsider))).toEqual([]);

    expect(await broadcastVisibleTo(db.dataSource.manager, older, reader(prefecture))).toBe(true);
    expect(await broadcastVisibleTo(db.dataSource.manager, newer, reader(firm))).toBe(true);
    expect(await broadcastVisibleTo(db.dataSource.manager, newer, reader(jeweller))).toBe(false);
    expect(await broadcastVisibleTo(db.dataSource.manager, older, reader(null, true))).toBe(true);
    expect(await broadcastVisibleTo(db.dataSource.manager, alert, reader(prefecture))).toBe(false);
  });
});
