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
import { Outbox, type ConsumerTransaction, type OutboxRow } from '@vigie/messaging';
import { currentScope, runInScope, type TelemetryScope } from '@vigie/observability';
import { NotFoundError } from '@vigie/platform';
import { decide, type RoutingDecisionResult } from '../rule-engine';
import type { RoutingDecision } from './routing-decision.entity';
import {
  chainDecisions,
  decisionOf,
  insertDecisions,
  isRouted,
  lockChains,
  parkChange,
  storeDecisions,
  takeParkedChanges,
} from './routing-decisions.queries';
import type { RoutingInputs } from './routing-directory';
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

/** A decision made, waiting for the end of its transaction with its events. */
interface Routed {
  decision: RoutingDecision;
  events: OutboxRow[];
  /** The handled event's context, for the parked changes applied after it. */
  scope: TelemetryScope;
}

@Injectable()
export class RoutingService {
  private readonly logger = new Logger(RoutingService.name);
  /** The submitted alerts decided in each consumer transaction, stored together before it commits. */
  private readonly batches = new WeakMap<object, { inputs: RoutingInputs; routed: Routed[] }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly directory: RoutingDirectory,
  ) {}

  /**
   * Decides who receives a submitted alert with the stored rules (rules, subscriptions,
   * conventions, TLP) and keeps the decision for the end of the consumer's transaction, where the
   * batch's decisions and their alert.routed.v1 events are stored together (`storeRouted`).
   */
  async route(
    event: EventEnvelope<AlertSubmittedV1Payload>,
    manager: EntityManager,
    transaction: Pick<ConsumerTransaction, 'beforeCommit'>,
  ): Promise<void> {
    let batch = this.batches.get(transaction);
    if (!batch) {
      // Read once per transaction: the directory and rules every decision of the batch uses.
      batch = { inputs: await this.directory.inputs(manager), routed: [] };
      this.batches.set(transaction, batch);
      const routed = batch.routed;
      transaction.beforeCommit((manager) => this.storeRouted(manager, routed));
    }
    const { alert } = event.payload;
    const result = decide(alert, batch.inputs.entries, {
      rules: batch.inputs.rules,
      namedRecipients: alert.addresses ?? [],
    });
    batch.routed.push(
      this.decision(event, alert, {
        recipients: routedRecipients(result),
        excluded: result.excluded,
        warnings: result.warnings,
      }),
    );
  }

  /**
   * The batch's decisions and their events, with one statement each whatever the batch's size;
   * then the updates and cancellations that arrived before their original, in their order.
   * The chains are locked first: a change parking itself meanwhile waits, then finds its
   * original routed.
   */
  private async storeRouted(manager: EntityManager, routed: readonly Routed[]): Promise<void> {
    const originals = routed.map(({ decision }) => decision.originalAlertId);
    const events = routed.flatMap(({ events }) => events);
    await storeDecisions(
      manager,
      routed.map(({ decision }) => decision),
      events,
    );
    this.outbox.written(manager, events);
    // A statement of its own, after the locks: its snapshot sees what a change parked before them.
    const parked = await takeParkedChanges(manager, originals);
    for (const { decision, scope } of routed) {
      for (const change of parked.get(decision.alertId.toLowerCase()) ?? []) {
        await runInScope(scope, async () => {
          this.logger.log(`applying ${change.type} ${change.id} parked until ${decision.alertId} was routed`);
          await this.applyChange(change, manager);
        });
      }
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
    await lockChains(manager, [alert.originalAlertId]);
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

  /** A decision and its events, prepared in the handled event's context (its trace and correlation). */
  private decision(
    event: EventEnvelope<unknown>,
    alert: AlertSnapshot,
    outcome: Pick<RoutingDecision, 'recipients' | 'excluded' | 'warnings'>,
  ): Routed {
    const decision: RoutingDecision = {
      id: newEventId(),
      alertId: alert.alertId,
      originalAlertId: alert.originalAlertId,
      senderOrganisationId: alert.senderOrganisationId,
      department: alert.location.department,
      ...outcome,
      routedAt: new Date(),
    };
    // One event per slice of recipients: a decision for a whole département's partners does not fit
    // in one Kafka message. The slices go out in order, under the chain's key.
    const events = routedParts(decision.recipients).map((slice) =>
      this.outbox.prepare({
        definition: AlertRoutedV1,
        key: alert.originalAlertId,
        payload: { alert, decisionId: decision.id, routedAt: decision.routedAt.toISOString(), ...slice },
        origin: { correlationId: event.correlationId, causationId: event.id },
      }),
    );
    return { decision, events, scope: currentScope() ?? { requestId: event.id } };
  }

  private async record(
    manager: EntityManager,
    event: EventEnvelope<unknown>,
    alert: AlertSnapshot,
    outcome: Pick<RoutingDecision, 'recipients' | 'excluded' | 'warnings'>,
  ): Promise<void> {
    const { decision, events } = this.decision(event, alert, outcome);
    await insertDecisions(manager, [decision]);
    await this.outbox.write(manager, events);
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
