import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import {
  AlertMessageType,
  AlertSeverity,
  AlertStatus,
  primaryInfo,
  ReferentRole,
  type AlertRoutedV1Payload,
  type RoutedRecipient,
} from '@vigie/contracts';
import { NotFoundError } from '@vigie/platform';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveriesService } from '../deliveries/deliveries.service';
import type { Distribution } from '../deliveries/distribution.plan';
import { ReferentsDirectory } from '../directory/referents.directory';
import { EscalationView } from './escalation.view';
import {
  armEscalation,
  completeEscalation,
  disarmEscalation,
  dueEscalations,
  escalationOfAlert,
  escalationPrefecture,
  escalationSteps,
  nationalStepNext,
  recordEscalationStep,
  type DueEscalation,
} from './escalations.queries';

/** Routing's rule naming the prefecture competent for the alert's département. */
export const COMPETENT_PREFECTURE_RULE = 'competent-prefecture';
const ESCALATED_SEVERITIES: string[] = [AlertSeverity.Extreme, AlertSeverity.Severe];

/** Whether an alert, as routed, must be taken in hand by its competent prefecture in time. */
export function escalates(payload: AlertRoutedV1Payload): string | null {
  const { alert, recipients } = payload;
  if (alert.msgType === AlertMessageType.Cancel || alert.status === AlertStatus.Test) return null;
  if (!ESCALATED_SEVERITIES.includes(primaryInfo(alert).severity)) return null;
  // Routing joins with commas the rules that selected a recipient (a prefecture the sender also named).
  const competent = recipients.find((recipient) => recipient.rule.split(',').includes(COMPETENT_PREFECTURE_RULE));
  return competent?.organisationId ?? null;
}

/**
 * Escalation deadlines, stored with the alert chain (keyed by the original alert): armed when an
 * Extreme or Severe alert reaches its competent prefecture; when the deadline passes unacknowledged
 * the prefecture's DEPUTY referents are e-mailed, and one more deadline later the national level
 * receives the alert on its channels. An acknowledgement by the prefecture, or the alert's
 * cancellation, disarms it. Every step is recorded.
 */
@Injectable()
export class EscalationsService {
  private readonly logger = new Logger(EscalationsService.name);
  private readonly deadlineSeconds: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesService,
    private readonly referents: ReferentsDirectory,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.deadlineSeconds = config.escalation.deadlineSeconds;
  }

  async onRouted(manager: EntityManager, payload: AlertRoutedV1Payload): Promise<void> {
    const { alert } = payload;
    if (alert.msgType === AlertMessageType.Cancel) {
      await this.disarm(manager, alert.originalAlertId, 'the alert was cancelled');
      return;
    }
    const prefectureId = escalates(payload);
    if (!prefectureId) return;
    if (!(await armEscalation(manager, alert, prefectureId, this.deadlineSeconds))) return;
    await this.record(
      manager,
      alert.originalAlertId,
      'armed',
      `${primaryInfo(alert).severity} alert: the competent prefecture must acknowledge within ${this.deadlineSeconds} s`,
    );
  }

  /** An acknowledgement by the competent prefecture (its API key, or a referent's e-mail link) disarms. */
  async onAcknowledged(manager: EntityManager, originalAlertId: string, organisationId: string): Promise<void> {
    if ((await escalationPrefecture(manager, originalAlertId)) === organisationId) {
      await this.disarm(manager, originalAlertId, 'acknowledged by the competent prefecture');
    }
  }

  /** Takes the next due step of up to `limit` escalations; several instances share them (SKIP LOCKED). */
  async runDue(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await dueEscalations(manager, limit);
      for (const escalation of due) {
        if (escalation.next_step === 'deputy') await this.toDeputy(manager, escalation);
        else await this.toNationalLevel(manager, escalation);
      }
      return due.length;
    });
  }

  async view(alertId: string, caller: Caller): Promise<EscalationView> {
    const manager = this.dataSource.manager;
    const row = await escalationOfAlert(manager, alertId, caller);
    if (!row) throw new NotFoundError('escalation of alert', alertId);
    return EscalationView.of(row, await escalationSteps(manager, row.id));
  }

  private async toDeputy(manager: EntityManager, escalation: DueEscalation): Promise<void> {
    const reason = `not acknowledged by ${escalation.prefecture_name ?? 'the competent prefecture'} within ${this.deadlineSeconds} s`;
    const emailed = await this.distributeEscalated(
      manager,
      escalation,
      { step: 'deputy', reason },
      [{ organisationId: escalation.prefecture_id, rule: 'escalation-deputy', reason }],
      { referentRole: ReferentRole.Deputy, channels: ['stream', 'email'] },
    );
    await nationalStepNext(manager, escalation.id, this.deadlineSeconds);
    await this.record(
      manager,
      escalation.id,
      'deputy',
      emailed > 0 ? `${reason}: ${emailed} deputy referent(s) e-mailed` : `${reason}: no deputy referent on record`,
    );
    this.logger.log(`alert ${escalation.id} escalated to the deputy referents (${emailed})`);
  }

  private async toNationalLevel(manager: EntityManager, escalation: DueEscalation): Promise<void> {
    const { alert } = escalation;
    const reason = `still not acknowledged by ${escalation.prefecture_name ?? 'the competent prefecture'} after the deputy was alerted`;
    const national = await this.referents.nationalLevel(manager);
    const recipients = national.map((organisation) => ({
      organisationId: organisation.id,
      rule: 'escalation-national',
      reason,
    }));
    // The national level may then read the deliveries and acknowledge like any recipient.
    await this.deliveries.addRecipients(manager, alert.alertId, recipients);
    const scheduled = await this.distributeEscalated(manager, escalation, { step: 'national', reason }, recipients);
    await completeEscalation(manager, escalation.id);
    await this.record(
      manager,
      escalation.id,
      'national',
      `${reason}: ${national.map((organisation) => organisation.name).join(', ') || 'no national-level organisation'} (${scheduled} deliveries)`,
    );
    this.logger.log(`alert ${escalation.id} escalated to the national level`);
  }

  /** alert.escalated to these recipients: the step taken and why. */
  private distributeEscalated(
    manager: EntityManager,
    { alert }: DueEscalation,
    { step, reason }: { step: DueEscalation['next_step']; reason: string },
    recipients: RoutedRecipient[],
    reach: Pick<Distribution, 'referentRole' | 'channels'> = {},
  ): Promise<number> {
    return this.deliveries.distribute(manager, {
      type: 'alert.escalated',
      subjectId: alert.alertId,
      senderOrganisationId: alert.senderOrganisationId,
      department: alert.location.department,
      content: { alert, escalation: { step, reason, escalatedAt: new Date().toISOString() } },
      recipients,
      ...reach,
    });
  }

  private async disarm(manager: EntityManager, originalAlertId: string, reason: string): Promise<void> {
    if (await disarmEscalation(manager, originalAlertId))
      await this.record(manager, originalAlertId, 'cancelled', reason);
  }

  private async record(manager: EntityManager, escalationId: string, step: string, detail: string): Promise<void> {
    await recordEscalationStep(manager, escalationId, step, detail);
  }
}
