import { Injectable } from '@nestjs/common';
import {
  AlertRoutedV1,
  newEventId,
  type AlertChangedV1Payload,
  type AlertSubmittedV1Payload,
  type AlertSnapshot,
  type EventEnvelope,
} from '@vigie/contracts';
import type { Caller } from '@vigie/access';
import { Outbox } from '@vigie/messaging';
import { NotFoundError } from '@vigie/platform';
import { DirectoryOrganisation } from '@vigie/access';
import { DataSource, type EntityManager } from 'typeorm';
import { RoutingDecision } from './routing-decision.entity';
import { decide, type DirectoryEntry } from '../rules';

export const CHAIN_RULE = 'chain-of-the-original';

/** The original alert's decision is not there yet; retried like any transient failure. */
class OriginalNotRoutedYet extends Error {
  readonly retriable = true;
  constructor(originalAlertId: string) {
    super(`the original alert ${originalAlertId} is not routed yet`);
  }
}

@Injectable()
export class RoutingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Decides who receives a submitted alert with the rules engine (rules, subscriptions,
   * conventions, TLP), stores the decision with its explanations, and publishes alert.routed.v1.
   */
  async route(event: EventEnvelope<AlertSubmittedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert } = event.payload;
    const directory: DirectoryEntry[] = await manager.find(DirectoryOrganisation);
    const result = decide(alert, directory);
    await this.record(manager, event, {
      id: newEventId(),
      alertId: alert.alertId,
      senderOrganisationId: alert.senderOrganisationId,
      department: alert.location.department,
      recipients: result.recipients.map((recipient) => ({
        organisationId: recipient.organisationId,
        rule: recipient.rules.join(','),
        reason: recipient.reasons.join('; '),
      })),
      excluded: result.excluded,
      warnings: result.warnings,
      routedAt: new Date(),
    });
  }

  /**
   * An update or a cancellation goes to everyone who received the original. Its event may
   * arrive before the original's (another topic): it then waits and is retried.
   */
  async routeChange(event: EventEnvelope<AlertChangedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert } = event.payload;
    const original = await manager.findOneBy(RoutingDecision, { alertId: alert.originalAlertId });
    if (!original) throw new OriginalNotRoutedYet(alert.originalAlertId);
    await this.record(manager, event, {
      id: newEventId(),
      alertId: alert.alertId,
      senderOrganisationId: alert.senderOrganisationId,
      department: alert.location.department,
      recipients: original.recipients.map((recipient) => ({
        organisationId: recipient.organisationId,
        rule: CHAIN_RULE,
        reason: `received the original alert (${recipient.reason})`,
      })),
      excluded: [],
      warnings: [],
      routedAt: new Date(),
    });
  }

  private async record(
    manager: EntityManager,
    event: EventEnvelope<{ alert: AlertSnapshot }>,
    decision: RoutingDecision,
  ): Promise<void> {
    const { alert } = event.payload;
    await manager.insert(RoutingDecision, decision);
    await this.outbox.add(manager, {
      definition: AlertRoutedV1,
      key: alert.originalAlertId,
      payload: {
        alert,
        decisionId: decision.id,
        routedAt: decision.routedAt.toISOString(),
        recipients: decision.recipients,
      },
      origin: { correlationId: event.correlationId, causationId: event.id },
    });
  }

  /** The decision for an alert, visible to its sender and to its recipients only. */
  async decisionFor(alertId: string, caller: Caller): Promise<RoutingDecision> {
    const decision = await this.dataSource.manager.findOneBy(RoutingDecision, { alertId });
    const visible =
      decision &&
      (decision.senderOrganisationId === caller.organisationId ||
        decision.recipients.some((recipient) => recipient.organisationId === caller.organisationId));
    if (!visible) throw new NotFoundError('routing decision for alert', alertId);
    return decision;
  }
}
