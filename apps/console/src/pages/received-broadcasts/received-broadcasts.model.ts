import { AlertStatus } from '@vigie/contracts';
import type { BroadcastAcknowledgement, ReceivedBroadcast } from '../../clients/notification.client';

/** Who acknowledged, as a line of the console shows it: the person when the console was used. */
export interface AcknowledgedBy {
  who: string;
  at: string;
}

/** A vigilance message as a partner's list and page show it. */
export interface ReceivedBroadcastItem {
  id: string;
  headline: string;
  description: string;
  instruction: string | null;
  sender: string;
  sent: string;
  severity: string;
  tlp: string;
  exercise: boolean;
  rule: string;
  reason: string;
  acknowledged: AcknowledgedBy | null;
}

export function acknowledgedBy(acknowledgement: BroadcastAcknowledgement): AcknowledgedBy {
  return {
    who: acknowledgement.person?.name || acknowledgement.organisationName || 'Votre organisation (par l’API)',
    at: acknowledgement.acknowledgedAt,
  };
}

export function receivedItem(received: ReceivedBroadcast): ReceivedBroadcastItem {
  const { broadcast } = received;
  return {
    id: broadcast.broadcastId,
    headline: broadcast.headline,
    description: broadcast.description,
    instruction: broadcast.instruction ?? null,
    sender: broadcast.senderName,
    sent: broadcast.sent,
    severity: broadcast.severity,
    tlp: broadcast.tlp,
    exercise: broadcast.status === AlertStatus.Exercise,
    rule: received.rule,
    reason: received.reason,
    acknowledged: received.acknowledgement ? acknowledgedBy(received.acknowledgement) : null,
  };
}
