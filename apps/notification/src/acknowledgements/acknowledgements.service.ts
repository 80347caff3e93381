import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AcknowledgementChannel, AlertAcknowledgedV1 } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { NotFoundError } from '@vigie/platform';
import { alertRoutedTo, alertVisibleTo } from '../deliveries/routed-messages.queries';
import { EscalationsService } from '../escalation/escalations.service';
import { stableSubjectId, StreamLog } from '../stream/stream.log';
import type { AcknowledgementClaim } from './acknowledgement-link';
import { AcknowledgementView } from './acknowledgement.view';
import {
  acknowledgementOf,
  acknowledgementsOfAlert,
  insertAcknowledgement,
  isActiveReferent,
} from './acknowledgements.queries';

/** The stream subject of one organisation's acknowledgement of one alert: stable, so a replay appends nothing. */
export function acknowledgementSubject(alertId: string, organisationId: string): string {
  return stableSubjectId(`${alertId}:${organisationId}`);
}

export type AcknowledgementSource =
  | {
      channel: AcknowledgementChannel.Api;
      apiKeyId: string;
      person?: { id: string; name: string } | null;
      note?: string | null;
    }
  | { channel: AcknowledgementChannel.Email; referentId: string };

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
      const acknowledgedAt = await insertAcknowledgement(manager, {
        alertId,
        organisationId,
        channel: source.channel,
        apiKeyId: source.channel === AcknowledgementChannel.Api ? source.apiKeyId : null,
        referentId: source.channel === AcknowledgementChannel.Email ? source.referentId : null,
        person: person ?? null,
        note: source.channel === AcknowledgementChannel.Api ? (source.note ?? null) : null,
      });
      if (acknowledgedAt) {
        await this.outbox.add(manager, {
          definition: AlertAcknowledgedV1,
          key: alertId,
          origin: { correlationId: alertId },
          payload: {
            alertId,
            originalAlertId: alert.originalAlertId,
            senderOrganisationId: alert.senderOrganisationId,
            organisationId,
            channel: source.channel,
            ...(source.channel === AcknowledgementChannel.Api ? { apiKeyId: source.apiKeyId } : {}),
            ...(source.channel === AcknowledgementChannel.Email ? { referentId: source.referentId } : {}),
            ...(person ? { personId: person.id } : {}),
            acknowledgedAt: acknowledgedAt.toISOString(),
          },
        });
        await this.escalations.onAcknowledged(manager, alert.originalAlertId, organisationId);
      }
      const view = AcknowledgementView.of((await acknowledgementOf(manager, alertId, organisationId))!);
      if (acknowledgedAt && alert.senderOrganisationId !== organisationId) {
        // Last statement of the transaction: the append locks the sender's stream head until commit.
        await this.stream.appendAll(manager, {
          type: 'alert.acknowledged',
          subjectId: acknowledgementSubject(alertId, organisationId),
          entries: [
            {
              organisationId: alert.senderOrganisationId,
              data: { ...view, originalAlertId: alert.originalAlertId },
            },
          ],
        });
      }
      return { acknowledgement: view, created: acknowledgedAt !== undefined };
    });
  }

  /** Through an e-mailed link: still a referent of the organisation, and the organisation still active. */
  async acknowledgeByLink(claim: AcknowledgementClaim): Promise<AcknowledgementView> {
    if (!(await isActiveReferent(this.dataSource.manager, claim.referentId, claim.organisationId)))
      throw new NotFoundError('acknowledgement link for alert', claim.alertId);
    const { acknowledgement } = await this.acknowledge(claim.alertId, claim.organisationId, {
      channel: AcknowledgementChannel.Email,
      referentId: claim.referentId,
    });
    return acknowledgement;
  }

  /** Who acknowledged and when: for the sender, the recipients and administrators. */
  async list(alertId: string, caller: Caller): Promise<AcknowledgementView[]> {
    if (!(await alertVisibleTo(this.dataSource.manager, alertId, caller))) throw new NotFoundError('alert', alertId);
    return (await acknowledgementsOfAlert(this.dataSource.manager, alertId)).map(AcknowledgementView.of);
  }

  private async routedTo(
    manager: EntityManager,
    alertId: string,
    organisationId: string,
  ): Promise<{ originalAlertId: string; senderOrganisationId: string }> {
    const alert = await alertRoutedTo(manager, alertId, organisationId);
    if (!alert) throw new NotFoundError('alert', alertId);
    return alert;
  }
}
