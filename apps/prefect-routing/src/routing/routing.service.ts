import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import {
  AlertMessageType,
  AlertRoutedV1,
  isStateKind,
  ROUTED_RECIPIENTS_PER_EVENT,
  newEventId,
  type AlertChangedV1Payload,
  type AlertSubmittedV1Payload,
  type AlertSnapshot,
  type EventEnvelope,
  type RoutedRecipient,
} from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { NotFoundError } from '@vigie/platform';
import { decide, type RoutingDecisionResult } from '../rule-engine';
import type { RoutingDecision } from './routing-decision.entity';
import {
  chainDecisions,
  decisionOf,
  insertDecision,
  isRouted,
  lockChain,
  parkChange,
  takeParkedChanges,
} from './routing-decisions.queries';
import { RoutingDirectory } from './routing-directory';

export const CHAIN_RULE = 'chain-of-the-original';
export const WIDENED_RULE_PREFIX = 'update-widens:';

/** One line per recipient for alert.routed.v1: its rules and reasons joined. */
export function routedRecipients(result: RoutingDecisionResult): RoutedRecipient[] {
  return result.recipients.map((recipient) => ({
    organisationId: recipient.organisationId,
    rule: recipient.rules.join(','),
    reason: recipient.reasons.join('; '),
  }));
}

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly directory: RoutingDirectory,
  ) {}

  /**
   * Decides who receives a submitted alert with the stored rules (rules, subscriptions,
   * conventions, TLP), stores the decision with its explanations, publishes alert.routed.v1,
   * then applies the updates and cancellations that arrived before it, in their order.
   */
  async route(event: EventEnvelope<AlertSubmittedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert } = event.payload;
    await lockChain(manager, alert.originalAlertId);
    const result = await this.decide(alert, manager);
    await this.record(manager, event, alert, {
      recipients: routedRecipients(result),
      excluded: result.excluded,
      warnings: result.warnings,
    });
    for (const change of await takeParkedChanges(manager, alert.alertId)) {
      this.logger.log(`applying ${change.type} ${change.id} parked until ${alert.alertId} was routed`);
      await this.applyChange(change, manager);
    }
  }

  /**
   * An update or a cancellation goes to everyone who received a message of the chain; an
   * update also reaches whoever the rules now select (it may widen the audience). One that
   * arrives before its original (another topic, so no ordering between them) is parked and
   * applied when the original is routed: a cancellation is never dropped.
   */
  async routeChange(event: EventEnvelope<AlertChangedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert } = event.payload;
    await lockChain(manager, alert.originalAlertId);
    if (!(await isRouted(manager, alert.originalAlertId))) {
      this.logger.log(`parking ${event.type} ${event.id}: original ${alert.originalAlertId} not routed yet`);
      await parkChange(manager, event);
      return;
    }
    await this.applyChange(event, manager);
  }

  private async applyChange(event: EventEnvelope<AlertChangedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert } = event.payload;
    if (await isRouted(manager, alert.alertId)) return; // already applied
    const chain = await chainDecisions(manager, alert.originalAlertId);
    const recipients = new Map<string, RoutedRecipient>();
    for (const decision of chain) {
      for (const recipient of decision.recipients) {
        if (recipients.has(recipient.organisationId)) continue;
        recipients.set(recipient.organisationId, {
          organisationId: recipient.organisationId,
          rule: CHAIN_RULE,
          reason: `received an earlier message of this alert (${recipient.reason})`,
        });
      }
    }
    let excluded: RoutingDecision['excluded'] = [];
    let warnings: string[] = [];
    if (alert.msgType === AlertMessageType.Update) {
      const result = await this.decide(alert, manager);
      for (const recipient of routedRecipients(result)) {
        if (recipients.has(recipient.organisationId)) continue;
        recipients.set(recipient.organisationId, { ...recipient, rule: `${WIDENED_RULE_PREFIX}${recipient.rule}` });
      }
      excluded = result.excluded.filter((exclusion) => !recipients.has(exclusion.organisationId));
      warnings = result.warnings;
    }
    await this.record(manager, event, alert, { recipients: [...recipients.values()], excluded, warnings });
  }

  private async decide(alert: AlertSnapshot, manager: EntityManager): Promise<RoutingDecisionResult> {
    const { entries, rules } = await this.directory.inputs(manager);
    return decide(alert, entries, { rules, namedRecipients: alert.addresses ?? [] });
  }

  private async record(
    manager: EntityManager,
    event: EventEnvelope<unknown>,
    alert: AlertSnapshot,
    outcome: Pick<RoutingDecision, 'recipients' | 'excluded' | 'warnings'>,
  ): Promise<void> {
    const decision: RoutingDecision = {
      id: newEventId(),
      alertId: alert.alertId,
      originalAlertId: alert.originalAlertId,
      senderOrganisationId: alert.senderOrganisationId,
      department: alert.location.department,
      ...outcome,
      routedAt: new Date(),
    };
    await insertDecision(manager, decision);
    // One event per slice of recipients: a decision for a whole département's partners does not fit
    // in one Kafka message. The slices go out in order, under the chain's key.
    for (const slice of routedParts(decision.recipients)) {
      await this.outbox.add(manager, {
        definition: AlertRoutedV1,
        key: alert.originalAlertId,
        payload: { alert, decisionId: decision.id, routedAt: decision.routedAt.toISOString(), ...slice },
        origin: { correlationId: event.correlationId, causationId: event.id },
      });
    }
  }

  /**
   * The decision for an alert, with whom it excluded and why: for its sender, for State
   * organisations that received it, and for administrators. A partner recipient sees the
   * alert, not the list of who else received it.
   */
  async decisionFor(alertId: string, caller: Caller): Promise<RoutingDecision> {
    const decision = await decisionOf(this.dataSource.manager, alertId);
    const visible =
      decision &&
      (caller.isAdmin ||
        decision.senderOrganisationId === caller.organisationId ||
        (caller.kind !== null &&
          isStateKind(caller.kind) &&
          decision.recipients.some((recipient) => recipient.organisationId === caller.organisationId)));
    if (!visible) throw new NotFoundError('routing decision for alert', alertId);
    return decision;
  }
}

/**
 * A decision's recipients as the routed events carry them: slices of at most `size`, numbered
 * when there are several; one empty slice for a decision that selected nobody.
 */
export function routedParts(
  recipients: readonly RoutedRecipient[],
  size = ROUTED_RECIPIENTS_PER_EVENT,
): { recipients: RoutedRecipient[]; part?: { index: number; count: number } }[] {
  const count = Math.max(1, Math.ceil(recipients.length / size));
  return Array.from({ length: count }, (_, index) => ({
    recipients: recipients.slice(index * size, (index + 1) * size),
    ...(count > 1 ? { part: { index: index + 1, count } } : {}),
  }));
}
