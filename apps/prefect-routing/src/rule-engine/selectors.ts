/*
 * Turn a rule's selector into candidates. A candidate the selector itself considered but
 * turned down (subscription mismatch, not entitled) carries `refused`, so that the decision
 * can say who was close and why they did not receive the alert.
 */
import {
  AlertStatus,
  isEntitledIn,
  isStateKind,
  subscriptionMismatch,
  type AlertFacts,
  type BroadcastAudience,
} from '@vigie/contracts';
import { acceptsExercises, type DirectoryEntry } from './directory-entry';
import type { DirectoryIndex } from './directory-index';
import { conditionHolds, type RoutingRule, type RuleCondition, type RuleFacts } from './routing-rule';

export interface Candidate {
  entry: DirectoryEntry;
  /** Why the rule selects it. */
  reason: string;
  /** Why the rule, having considered it, does not select it after all. */
  refused?: string;
  /** The rule names this organisation itself: a need to know, which TLP:AMBER honours. */
  needToKnow?: boolean;
}

export interface SelectionContext {
  facts: RuleFacts;
  communeName: string | null;
  directory: readonly DirectoryEntry[];
  /** The same directory by département and id: what a selector reads instead of all of it. */
  index: DirectoryIndex;
  namedRecipients: readonly string[];
  /** For a broadcast: whom it is meant for. */
  audience?: BroadcastAudience;
}

export function selectCandidates(rule: RoutingRule, context: SelectionContext): Candidate[] {
  const { facts, directory, index } = context;
  const selector = rule.select;
  switch (selector.type) {
    case 'competent':
      return index
        .operatingIn(facts.department)
        .filter((entry) => selector.kinds.includes(entry.kind) && entry.departments.includes(facts.department))
        .map((entry) => ({ entry, reason: competenceReason(entry, context) }));
    case 'kinds':
      return directory
        .filter((entry) => selector.kinds.includes(entry.kind))
        .map((entry) => ({ entry, reason: `${entry.name} selected: ${appliesBecause(rule, facts)}` }));
    case 'subscribers':
      return index.subscribedIn(facts.department).flatMap((entry) => subscriberCandidate(entry, facts));
    case 'named':
      return index.byIds(context.namedRecipients).map((entry) => ({
        ...entitled(entry, facts, `${entry.name} was named by the sender`),
        needToKnow: true,
      }));
    case 'organisations':
      return index.byIds(selector.organisationIds).map((entry) => ({
        ...entitled(entry, facts, `${entry.name} selected: ${appliesBecause(rule, facts)}`),
        needToKnow: true,
      }));
    case 'audience':
      return context.audience
        ? index.operatingIn(facts.department).flatMap((entry) => audienceCandidate(entry, facts, context.audience!))
        : [];
  }
}

/**
 * A broadcast reaches the partners (not the State) operating in the département, narrowed by
 * the sectors, conventions and event code the sender chose; entitlement is checked as for alerts.
 */
function audienceCandidate(entry: DirectoryEntry, facts: RuleFacts, audience: BroadcastAudience): Candidate[] {
  if (isStateKind(entry.kind)) return [];
  const { department } = facts;
  if (!entry.departments.includes(department)) return [];
  const reason = `${entry.name} is a partner in ${department}`;
  if (audience.sectors.length > 0 && (entry.sector === null || !audience.sectors.includes(entry.sector))) {
    return [{ entry, reason, refused: `sector ${entry.sector ?? 'none'} not among ${audience.sectors.join(', ')}` }];
  }
  if (
    audience.conventions.length > 0 &&
    !entry.conventions.some((c) => audience.conventions.includes(c.conventionId) && c.departments.includes(department))
  ) {
    return [{ entry, reason, refused: `not a member of ${audience.conventions.join(', ')} in ${department}` }];
  }
  if (audience.eventCode) {
    const code = audience.eventCode;
    const follows = entry.subscriptions.some(
      (s) => s.departments.includes(department) && (s.eventCodes.length === 0 || s.eventCodes.includes(code)),
    );
    if (!follows) {
      return [{ entry, reason, refused: `no subscription to ${audience.eventCode} in ${department}` }];
    }
  }
  return [entitled(entry, facts, reason)];
}

function competenceReason(entry: DirectoryEntry, context: SelectionContext): string {
  const where = context.communeName ? ` (${context.communeName})` : '';
  return `${entry.name} is competent for département ${context.facts.department}${where}`;
}

/** Only organisations with a subscription covering the département are worth explaining. */
function subscriberCandidate(entry: DirectoryEntry, facts: AlertFacts): Candidate[] {
  const covering = entry.subscriptions.filter((s) => s.departments.includes(facts.department));
  if (covering.length === 0) return [];
  const match = covering.find((s) => subscriptionMismatch(s, facts) === null);
  if (!match) {
    return [{ entry, reason: '', refused: subscriptionMismatch(covering[0], facts) ?? undefined }];
  }
  const events = match.eventCodes.length > 0 ? match.eventCodes.join(', ') : 'all events';
  const reason =
    `${entry.name} subscribed to ${events} in ${facts.department} ` +
    `from severity ${match.minimumSeverity} (subscription ${match.id})`;
  return [entitled(entry, facts, reason)];
}

function entitled(entry: DirectoryEntry, facts: AlertFacts, reason: string): Candidate {
  if (isEntitledIn(entry, facts.department)) return { entry, reason };
  const refused = isStateKind(entry.kind)
    ? `not competent for département ${facts.department}`
    : `not a member of a convention deployed in ${facts.department}`;
  return { entry, reason, refused };
}

/** The first condition that made the rule apply, in words. */
function appliesBecause(rule: RoutingRule, facts: RuleFacts): string {
  const condition = rule.when.find((c) => conditionHolds(c, facts));
  const parts = condition ? describe(condition, facts) : [];
  return parts.length > 0 ? parts.join(', ') : rule.description;
}

function describe(condition: RuleCondition, facts: RuleFacts): string[] {
  const parts: string[] = [];
  if (condition.minimumSeverity) parts.push(`severity ${facts.severity} reaches ${condition.minimumSeverity}`);
  if (condition.eventCodes) parts.push(`event ${facts.event}`);
  if (condition.departments) parts.push(`département ${facts.department}`);
  if (condition.urgencies) parts.push(`urgency ${facts.urgency}`);
  if (condition.certainties) parts.push(`certainty ${facts.certainty}`);
  if (condition.sectors) parts.push(`sender's sector ${facts.sector}`);
  if (condition.tlps) parts.push(`TLP:${facts.tlp}`);
  return parts;
}

/** Opt-in for Exercise and Test messages; null when the recipient may receive the message. */
export function exerciseRefusal(entry: DirectoryEntry, facts: AlertFacts): string | null {
  if (facts.status === AlertStatus.Actual || acceptsExercises(entry)) return null;
  return `${facts.status} message — ${entry.name} has not opted in to exercises`;
}
