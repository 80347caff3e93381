import { AlertEventCode, AlertSeverity, AlertStatus, OrganisationKind } from '@vigie/contracts';
import type { RoutingRule } from './routing-rule';

/*
 * Exercise and Test are listed so that opted-in State recipients can rehearse the chain;
 * the opt-in itself is checked for every recipient in decide(). System and Draft messages
 * are stopped before any rule runs.
 */
const ROUTED_STATUSES = [AlertStatus.Actual, AlertStatus.Exercise, AlertStatus.Test];

export const DEFAULT_RULES: readonly RoutingRule[] = [
  {
    id: 'competent-prefecture',
    description: 'Every alert goes to the active prefecture competent for its département.',
    when: [{ statuses: ROUTED_STATUSES }],
    select: { type: 'competent', kinds: [OrganisationKind.Prefecture] },
  },
  {
    id: 'national-escalation',
    description: 'Extreme or Severe alerts, and any terrorist threat, also go to the national level.',
    when: [
      { statuses: ROUTED_STATUSES, minimumSeverity: AlertSeverity.Severe },
      { statuses: ROUTED_STATUSES, eventCodes: [AlertEventCode.TerroristThreat] },
    ],
    select: { type: 'kinds', kinds: [OrganisationKind.NationalLevel] },
  },
  {
    id: 'subscribers',
    description: 'Organisations whose subscription matches receive the alert if entitled in its département.',
    when: [],
    select: { type: 'subscribers' },
  },
  {
    id: 'named-recipients',
    description: 'Organisations the sender named receive the alert if entitled in its département.',
    when: [],
    select: { type: 'named' },
  },
];

/** A broadcast's own rule: the partners its sender chose, through the same constraints and TLP. */
export const BROADCAST_RULES: readonly RoutingRule[] = [
  {
    id: 'broadcast-audience',
    description: 'A vigilance message goes to the partners of the chosen départements, sectors and conventions.',
    when: [],
    select: { type: 'audience' },
  },
];
