import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AcknowledgementChannel, AlertAcknowledgedV1, OrganisationStatus } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { NotFoundError } from '@vigie/platform';
import { EscalationsService } from '../escalation/escalations.service';
import { StreamLog } from '../stream/stream.log';
import type { AcknowledgementClaim } from './acknowledgement-link';
import { AcknowledgementView } from './acknowledgement.view';

/** The stream subject of one organisation's acknowledgement of one alert: stable, so a replay appends nothing. */
export function acknowledgementSubject(alertId: string, organisationId: string): string {
  const hex = createHash('sha256').update(`${alertId}:${organisationId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export type AcknowledgementSource =
  | {
      channel: AcknowledgementChannel.Api;
      apiKeyId: string;
      person?: { id: string; name: string } | null;
      note?: string | null;
    }
  | { channel: AcknowledgementChannel.Email; referentId: string };

interface RoutedAlert {
  original_alert_id: string;
  sender_organisation_id: string;
}

const VIEW = `
  SELECT a.alert_id, a.organisation_id, o.name AS organisation_name, a.channel, a.referent_id,
         r.full_name AS referent_name, a.person_id, a.person_name, a.note, a.acknowledged_at
  FROM acknowledgements a
  LEFT JOIN directory_organisations o ON o.id = a.organisation_id
  LEFT JOIN referents r ON r.id = a.referent_id`;

@Injectable()
export class AcknowledgementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly escalations: EscalationsService,
    private readonly stream: StreamLog,
  ) {}

  /**
   * A recipient takes the alert in hand. The first acknowledgement of an organisation is recorded
   * and published (alert.acknowledged.v1) and disarms the escalation if it comes from the competent
   * prefecture; later ones change nothing and get the same answer. Anyone the alert was not routed
   * to gets 404. The sender's organisation (only it) gets `alert.acknowledged` on its stream: who
   * acknowledged and when, never the alert's content.
   */
  acknowledge(
    alertId: string,
    organisationId: string,
    source: AcknowledgementSource,
  ): Promise<{ acknowledgement: AcknowledgementView; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.routedTo(manager, alertId, organisationId);
      const person = source.channel === AcknowledgementChannel.Api ? source.person : null;
      const inserted = await manager.query<{ acknowledged_at: Date }[]>(
        `INSERT INTO acknowledgements (alert_id, organisation_id, channel, api_key_id, referent_id, person_id, person_name, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING acknowledged_at`,
        [
          alertId,
          organisationId,
          source.channel,
          source.channel === AcknowledgementChannel.Api ? source.apiKeyId : null,
          source.channel === AcknowledgementChannel.Email ? source.referentId : null,
          person?.id ?? null,
          person?.name ?? null,
          source.channel === AcknowledgementChannel.Api ? (source.note ?? null) : null,
        ],
      );
      if (inserted.length > 0) {
        await this.outbox.add(manager, {
          definition: AlertAcknowledgedV1,
          key: alertId,
          origin: { correlationId: alertId },
          payload: {
            alertId,
            originalAlertId: alert.original_alert_id,
            senderOrganisationId: alert.sender_organisation_id,
            organisationId,
            channel: source.channel,
            ...(source.channel === AcknowledgementChannel.Api ? { apiKeyId: source.apiKeyId } : {}),
            ...(source.channel === AcknowledgementChannel.Email ? { referentId: source.referentId } : {}),
            ...(person ? { personId: person.id } : {}),
            acknowledgedAt: new Date(inserted[0].acknowledged_at).toISOString(),
          },
        });
        await this.escalations.onAcknowledged(manager, alert.original_alert_id, organisationId);
      }
      const [row] = await manager.query<AcknowledgementRow[]>(
        `${VIEW} WHERE a.alert_id = $1 AND a.organisation_id = $2`,
        [alertId, organisationId],
      );
      if (inserted.length > 0 && alert.sender_organisation_id !== organisationId) {
        // Last statement of the transaction: the append locks the sender's stream head until commit.
        await this.stream.appendAll(manager, {
          type: 'alert.acknowledged',
          subjectId: acknowledgementSubject(alertId, organisationId),
          entries: [
            {
              organisationId: alert.sender_organisation_id,
              data: { ...AcknowledgementView.of(row), originalAlertId: alert.original_alert_id },
            },
          ],
        });
      }
      return { acknowledgement: AcknowledgementView.of(row), created: inserted.length > 0 };
    });
  }

  /** Through an e-mailed link: still a referent of the organisation, and the organisation still active. */
  async acknowledgeByLink(claim: AcknowledgementClaim): Promise<AcknowledgementView> {
    const [referent] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM referents r JOIN directory_organisations o ON o.id = r.organisation_id
       WHERE r.id = $1 AND r.organisation_id = $2 AND o.status = $3`,
      [claim.referentId, claim.organisationId, OrganisationStatus.Active],
    );
    if (!referent) throw new NotFoundError('acknowledgement link for alert', claim.alertId);
    const { acknowledgement } = await this.acknowledge(claim.alertId, claim.organisationId, {
      channel: AcknowledgementChannel.Email,
      referentId: claim.referentId,
    });
    return acknowledgement;
  }

  /** Who acknowledged and when: for the sender, the recipients and administrators. */
  async list(alertId: string, caller: Caller): Promise<AcknowledgementView[]> {
    const [visible] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM routed_messages m
       WHERE m.id = $1 AND m.kind = 'alert' AND ($2 OR m.sender_organisation_id = $3
         OR EXISTS (SELECT 1 FROM routed_recipients r WHERE r.message_id = m.id AND r.organisation_id = $3))`,
      [alertId, caller.isAdmin, caller.organisationId],
    );
    if (!visible) throw new NotFoundError('alert', alertId);
    const rows = await this.dataSource.query<AcknowledgementRow[]>(
      `${VIEW} WHERE a.alert_id = $1 ORDER BY a.acknowledged_at`,
      [alertId],
    );
    return rows.map(AcknowledgementView.of);
  }

  private async routedTo(manager: EntityManager, alertId: string, organisationId: string): Promise<RoutedAlert> {
    const [alert] = await manager.query<RoutedAlert[]>(
      `SELECT m.original_alert_id, m.sender_organisation_id FROM routed_messages m
       JOIN routed_recipients r ON r.message_id = m.id AND r.organisation_id = $2
       WHERE m.id = $1 AND m.kind = 'alert'`,
      [alertId, organisationId],
    );
    if (!alert) throw new NotFoundError('alert', alertId);
    return alert;
  }
}

export interface AcknowledgementRow {
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
