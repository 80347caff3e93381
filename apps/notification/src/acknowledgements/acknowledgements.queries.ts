import type { EntityManager } from 'typeorm';
import { OrganisationStatus, type AcknowledgementChannel } from '@vigie/contracts';
import { withContent } from '../deliveries/message-contents.queries';

/** `acknowledgements`: who took an alert in hand for a recipient organisation, how and when. */

/** An acknowledgement with the names of its organisation and of the referent who used an e-mailed link. */
export interface Acknowledgement {
  alertId: string;
  organisationId: string;
  organisationName: string | null;
  channel: AcknowledgementChannel;
  referentId: string | null;
  referentName: string | null;
  person: { id: string; name: string } | null;
  note: string | null;
  acknowledgedAt: Date;
}

interface AcknowledgementRow {
  alert_id: string;
  organisation_id: string;
  organisation_name: string | null;
  channel: AcknowledgementChannel;
  referent_id: string | null;
  referent_name: string | null;
  person_id: string | null;
  person_name: string | null;
  note: string | null;
  acknowledged_at: Date;
}

const SELECT = `
  SELECT a.alert_id, a.organisation_id, o.name AS organisation_name, a.channel, a.referent_id,
         r.full_name AS referent_name, a.person_id, a.person_name, a.note, a.acknowledged_at
  FROM acknowledgements a
  LEFT JOIN directory_organisations o ON o.id = a.organisation_id
  LEFT JOIN referents r ON r.id = a.referent_id`;

const fromRow = (row: AcknowledgementRow): Acknowledgement => ({
  alertId: row.alert_id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  channel: row.channel,
  referentId: row.referent_id,
  referentName: row.referent_name,
  person: row.person_id ? { id: row.person_id, name: row.person_name ?? '' } : null,
  note: row.note,
  acknowledgedAt: new Date(row.acknowledged_at),
});

export interface NewAcknowledgement {
  alertId: string;
  organisationId: string;
  channel: AcknowledgementChannel;
  apiKeyId: string | null;
  referentId: string | null;
  person: { id: string; name: string } | null;
  note: string | null;
}

/**
 * Records an organisation's first acknowledgement of an alert: when it was recorded, or
 * undefined when the organisation had already acknowledged it (nothing changes then).
 */
export async function insertAcknowledgement(
  manager: EntityManager,
  acknowledgement: NewAcknowledgement,
): Promise<Date | undefined> {
  const [inserted] = await manager.query<{ acknowledged_at: Date }[]>(
    `INSERT INTO acknowledgements (alert_id, organisation_id, channel, api_key_id, referent_id, person_id, person_name, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING acknowledged_at`,
    [
      acknowledgement.alertId,
      acknowledgement.organisationId,
      acknowledgement.channel,
      acknowledgement.apiKeyId,
      acknowledgement.referentId,
      acknowledgement.person?.id ?? null,
      acknowledgement.person?.name ?? null,
      acknowledgement.note,
    ],
  );
  return inserted && new Date(inserted.acknowledged_at);
}

/** An organisation's acknowledgement of an alert. */
export async function acknowledgementOf(
  manager: EntityManager,
  alertId: string,
  organisationId: string,
): Promise<Acknowledgement | undefined> {
  const [row] = await manager.query<AcknowledgementRow[]>(
    `${SELECT} WHERE a.alert_id = $1 AND a.organisation_id = $2`,
    [alertId, organisationId],
  );
  return row && fromRow(row);
}

/** Every acknowledgement of an alert, oldest first. */
export async function acknowledgementsOfAlert(manager: EntityManager, alertId: string): Promise<Acknowledgement[]> {
  const rows = await manager.query<AcknowledgementRow[]>(`${SELECT} WHERE a.alert_id = $1 ORDER BY a.acknowledged_at`, [
    alertId,
  ]);
  return rows.map(fromRow);
}

/** Whether the referent is still one of the organisation's, and the organisation still active. */
export async function isActiveReferent(
  manager: EntityManager,
  referentId: string,
  organisationId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM referents r JOIN directory_organisations o ON o.id = r.organisation_id
     WHERE r.id = $1 AND r.organisation_id = $2 AND o.status = $3`,
    [referentId, organisationId, OrganisationStatus.Active],
  );
  return rows.length > 0;
}

/** What an e-mailed link shows: the alert as the organisation's stream carried it. */
export interface LinkedAlert {
  alert: {
    sent: string;
    status: string;
    location: { communeName: string | null; department: string };
    info: { headline: string; event: string; severity: string; urgency: string }[];
  };
  organisationName: string | null;
  acknowledgedAt: Date | null;
}

interface LinkedRow {
  data: { alert?: LinkedAlert['alert'] };
  organisation_name: string | null;
  acknowledged_at: Date | null;
}

/**
 * The alert as it was routed to the organisation (its `alert.routed` stream event), with the
 * organisation's name and its acknowledgement if any; undefined if it was never routed there.
 */
export async function linkedAlert(
  manager: EntityManager,
  organisationId: string,
  alertId: string,
): Promise<LinkedAlert | undefined> {
  const [row] = await manager.query<LinkedRow[]>(
    `SELECT ${withContent('s.data', 'c')} AS data, o.name AS organisation_name, a.acknowledged_at
     FROM stream_events s
     LEFT JOIN message_contents c ON c.id = s.content_id
     LEFT JOIN directory_organisations o ON o.id = s.organisation_id
     LEFT JOIN acknowledgements a ON a.alert_id = s.subject_id AND a.organisation_id = s.organisation_id
     WHERE s.organisation_id = $1 AND s.subject_id = $2 AND s.type = 'alert.routed'`,
    [organisationId, alertId],
  );
  if (!row?.data.alert) return undefined;
  return {
    alert: row.data.alert,
    organisationName: row.organisation_name,
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null,
  };
}
