/**
 * What the fault oracle counts, as a pure function of what it observed.
 *
 * An *effect* is something a recipient or a downstream service acts upon: an alert row stored
 * by ingestion, an event (one envelope id) published for it, a delivery (one Vigie-Delivery-Id)
 * received by a recipient. The same effect observed again — a Kafka message re-published with
 * the same envelope id, a webhook re-sent with the same delivery id, which the recipient drops
 * as documented — is a *transport duplicate*: counted and reported, harmless. Two different
 * effects for one message at one stage (two rows, two event ids, two delivery ids for one
 * recipient) are *duplicate effects*: the recipient would act twice. They fail the test.
 */

export interface AcceptedMessage {
  alertId: string;
  marker: string;
}

/** One webhook request received, reduced to what the oracle needs. */
export interface Receipt {
  alertId: string;
  deliveryId: string;
  /** Vigie-Signature matched the recipient's secret over the raw body. */
  signed: boolean;
}

/** One Kafka message about an alert: its envelope id is the effect. */
export interface PublishedEvent {
  alertId: string;
  eventId: string;
}

export interface Observations {
  accepted: AcceptedMessage[];
  /** Ids of the alert rows ingestion stored, by marker. */
  stored: Map<string, string[]>;
  /** Per stage (e.g. `alert.submitted.v1`), the events published. */
  published: Record<string, PublishedEvent[]>;
  /** Per recipient, what its webhook received. */
  received: Record<string, Receipt[]>;
}

export interface Tally {
  accepted: number;
  /** Accepted messages stored once, published once per stage and delivered to every recipient. */
  delivered: number;
  lost: number;
  transportDuplicates: number;
  duplicateEffects: number;
  /** Transport duplicates and duplicate effects by stage. */
  byStage: Record<string, { transportDuplicates: number; duplicateEffects: number }>;
  /** Each problem, one line per message and stage. */
  problems: string[];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

interface Stage {
  name: string;
  /** The effects observed for a message, once per time each was seen. */
  effectsOf: (message: AcceptedMessage) => string[];
}

function stagesOf(observations: Observations): { stages: Stage[]; unsigned: string[] } {
  const stages: Stage[] = [
    { name: 'ingestion (stored)', effectsOf: (message) => observations.stored.get(message.marker) ?? [] },
  ];
  for (const [name, events] of Object.entries(observations.published)) {
    const byAlert = groupBy(events, (event) => event.alertId);
    stages.push({ name, effectsOf: (message) => (byAlert.get(message.alertId) ?? []).map((event) => event.eventId) });
  }
  const unsigned: string[] = [];
  for (const [recipient, receipts] of Object.entries(observations.received)) {
    const byAlert = groupBy(
      receipts.filter((receipt) => receipt.signed),
      (receipt) => receipt.alertId,
    );
    const forged = receipts.length - receipts.filter((receipt) => receipt.signed).length;
    if (forged > 0) unsigned.push(`${recipient}: ${forged} requests without a valid signature`);
    stages.push({
      name: `webhook of ${recipient}`,
      effectsOf: (message) => (byAlert.get(message.alertId) ?? []).map((receipt) => receipt.deliveryId),
    });
  }
  return { stages, unsigned };
}

export function tally(observations: Observations): Tally {
  const { stages, unsigned } = stagesOf(observations);
  const byStage: Tally['byStage'] = Object.fromEntries(
    stages.map((stage) => [stage.name, { transportDuplicates: 0, duplicateEffects: 0 }]),
  );
  const problems = [...unsigned];
  let lost = 0;
  for (const message of observations.accepted) {
    let complete = true;
    for (const stage of stages) {
      const observed = stage.effectsOf(message);
      const effects = new Set(observed);
      if (effects.size === 0) {
        complete = false;
        problems.push(`${message.alertId}: nothing at ${stage.name}`);
      } else if (effects.size > 1) {
        problems.push(`${message.alertId}: ${effects.size} distinct effects at ${stage.name}`);
      }
      byStage[stage.name].duplicateEffects += Math.max(0, effects.size - 1);
      byStage[stage.name].transportDuplicates += observed.length - effects.size;
    }
    const stored = observations.stored.get(message.marker) ?? [];
    if (stored.length > 0 && !stored.includes(message.alertId)) {
      complete = false;
      problems.push(`${message.alertId}: answered 201, but ingestion stored ${stored.join(', ')} for its request`);
    }
    if (!complete) lost += 1;
  }
  const sum = (field: 'transportDuplicates' | 'duplicateEffects'): number =>
    Object.values(byStage).reduce((total, stage) => total + stage[field], 0);
  return {
    accepted: observations.accepted.length,
    delivered: observations.accepted.length - lost,
    lost,
    transportDuplicates: sum('transportDuplicates'),
    duplicateEffects: sum('duplicateEffects'),
    byStage,
    problems,
  };
}
