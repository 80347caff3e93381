/*
 * The routing decision: who receives an alert, who was considered and left out, and what an
 * operator should double-check. Pure — the directory and the rules come in as data.
 */
import {
  AlertStatus,
  OrganisationKind,
  OrganisationStatus,
  Tlp,
  isStateKind,
  type AlertInfo,
  type AlertLocation,
  type AlertSnapshot,
  type BroadcastAudience,
} from '@vigie/contracts';
import { DEFAULT_RULES } from './default-rules';
import type { DirectoryEntry } from './directory-entry';
import { indexOf, type DirectoryIndex } from './directory-index';
import { ruleApplies, type RoutingRule, type RuleFacts } from './routing-rule';
import { exerciseRefusal, selectCandidates, type Candidate, type SelectionContext } from './selectors';
import { allowedByTlp, mostRestrictive, type TlpContext } from './tlp';

/** What routing reads of a message: an alert, an alert being previewed, or a broadcast. */
export type RoutableMessage = Pick<AlertSnapshot, 'senderOrganisationId' | 'status' | 'tlp' | 'personalData'> & {
  location: Pick<AlertLocation, 'department' | 'communeName'>;
  info: Pick<AlertInfo, 'eventCode' | 'severity' | 'urgency' | 'certainty'>[];
};

export interface RoutingOptions {
  rules?: readonly RoutingRule[];
  /** Organisations the sender named; the only ones a TLP:RED alert may reach. */
  namedRecipients?: readonly string[];
  /** Above this many non-State recipients, the decision carries a warning. */
  maxPartners?: number;
  /** For a broadcast: whom it is meant for (selector `audience`). */
  audience?: BroadcastAudience;
}

export interface Recipient {
  organisationId: string;
  /** The rules that selected it, with reasons in the same order. */
  rules: string[];
  reasons: string[];
}

export interface Exclusion {
  organisationId: string;
  rule: string;
  reason: string;
}

export interface RoutingDecisionResult {
  recipients: Recipient[];
  excluded: Exclusion[];
  warnings: string[];
}

export const DEFAULT_MAX_PARTNERS = 50;

/** CAP statuses that never leave the platform. */
const UNROUTED_STATUSES = [AlertStatus.System, AlertStatus.Draft];

export function decide(
  alert: RoutableMessage,
  directory: readonly DirectoryEntry[],
  options: RoutingOptions = {},
): RoutingDecisionResult {
  if (UNROUTED_STATUSES.includes(alert.status)) {
    return { recipients: [], excluded: [], warnings: [`${alert.status} messages are not routed to anyone`] };
  }
  const index = indexOf(directory);
  const sender = index.byId(alert.senderOrganisationId);
  const namedRecipients = options.namedRecipients ?? [];
  const facts = alertFacts(alert, sender);
  const selection: SelectionContext = {
    facts,
    communeName: alert.location.communeName,
    directory,
    index,
    namedRecipients,
    audience: options.audience,
  };
  const tlpContext: TlpContext = {
    department: facts.department,
    senderId: alert.senderOrganisationId,
    senderIsState: sender !== undefined && isStateKind(sender.kind),
    senderConventions: sender?.conventions ?? [],
    namedRecipients,
  };

  const recipients = new Map<string, Recipient>();
  const excluded: Exclusion[] = [];
  for (const rule of options.rules ?? DEFAULT_RULES) {
    if (!ruleApplies(rule, facts)) continue;
    for (const candidate of selectCandidates(rule, selection)) {
      const refusal = constraintRefusal(candidate, rule, alert, facts, tlpContext);
      const organisationId = candidate.entry.id;
      if (refusal.refused) {
        excluded.push({ organisationId, rule: rule.id, reason: refusal.reason });
        continue;
      }
      const recipient = recipients.get(organisationId) ?? { organisationId, rules: [], reasons: [] };
      recipient.rules.push(rule.id);
      recipient.reasons.push(`${candidate.reason}; ${refusal.reason}`);
      recipients.set(organisationId, recipient);
    }
  }

  // An organisation let in by one rule is not "excluded" because another rule left it out.
  const routed = [...recipients.values()];
  return {
    recipients: routed,
    excluded: excluded.filter((exclusion) => !recipients.has(exclusion.organisationId)),
    warnings: warningsFor(alert, sender, index, routed, options),
  };
}

/** The first info block carries Vigie's classification (CAP orders them by language). */
function alertFacts(alert: RoutableMessage, sender: DirectoryEntry | undefined): RuleFacts {
  const info = alert.info[0];
  return {
    department: alert.location.department,
    event: info.eventCode,
    severity: info.severity,
    urgency: info.urgency,
    certainty: info.certainty,
    sector: sender?.sector ?? null,
    status: alert.status,
    tlp: alert.tlp,
  };
}

/**
 * The constraints every candidate goes through, in the order an operator would ask about
 * them. Returns the refusal, or the TLP sentence that lets the candidate in.
 */
function constraintRefusal(
  candidate: Candidate,
  rule: RoutingRule,
  alert: RoutableMessage,
  facts: RuleFacts,
  tlpContext: TlpContext,
): { refused: boolean; reason: string } {
  const { entry } = candidate;
  if (entry.id === alert.senderOrganisationId) return refuse('the sender does not receive its own alert');
  if (entry.status !== OrganisationStatus.Active)
    return refuse(`organisation is ${entry.status}, only active organisations receive`);
  if (candidate.refused) return refuse(candidate.refused);
  const exercise = exerciseRefusal(entry, facts);
  if (exercise) return refuse(exercise);
  const tlp = mostRestrictive(alert.tlp, rule.tlp);
  const verdict = allowedByTlp(tlp, entry, tlpContext, candidate.needToKnow);
  const imposed = tlp !== alert.tlp ? ` (imposed by rule ${rule.id})` : '';
  return { refused: !verdict.allowed, reason: verdict.reason + imposed };
}

const refuse = (reason: string) => ({ refused: true, reason });

function warningsFor(
  alert: RoutableMessage,
  sender: DirectoryEntry | undefined,
  index: DirectoryIndex,
  recipients: Recipient[],
  options: RoutingOptions,
): string[] {
  const warnings: string[] = [];
  const kinds = recipients.map((r) => index.byId(r.organisationId)!.kind);
  const { department } = alert.location;
  if (!sender) warnings.push(`sender ${alert.senderOrganisationId} is not in the directory`);
  // A broadcast comes from the State: its audience is partners only.
  if (!options.audience && !kinds.includes(OrganisationKind.Prefecture))
    warnings.push(`no prefecture receives this alert (département ${department})`);
  const partners = kinds.filter((kind) => !isStateKind(kind)).length;
  const max = options.maxPartners ?? DEFAULT_MAX_PARTNERS;
  if (partners > max) warnings.push(`${partners} partners receive this alert, more than ${max}`);
  if (alert.tlp === Tlp.Clear && alert.personalData) {
    warnings.push('TLP:CLEAR alert flagged as holding personal data');
  }
  const named = options.namedRecipients ?? [];
  if (alert.tlp === Tlp.Red && named.length === 0) warnings.push('TLP:RED alert with no named recipient');
  for (const id of named.filter((id) => !index.byId(id)))
    warnings.push(`named recipient ${id} is not in the directory`);
  return warnings;
}
