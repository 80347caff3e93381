import type { Alert } from '../../clients/ingestion.client';
import type { Acknowledgement, AlertState, Delivery, Escalation } from '../../clients/notification.client';
import type { RoutingDecision } from '../../clients/routing.client';

export interface AlertPageModel {
  alert: Alert;
  chain: {
    id: string;
    href: string;
    msgType: string;
    sent: string;
    headline: string;
    note: string | null;
    current: boolean;
  }[];
  recipients: {
    name: string;
    rule: string | null;
    reason: string;
    deliveries: { channel: string; status: string; attempts: number; lastError: string | null }[];
  }[];
  excluded: { name: string; reason: string }[];
  acknowledgements: { who: string; organisation: string; channel: string; note: string; at: string }[];
  mine: { rule: string | null; reason: string | null; acknowledgedAt: string | null; canAcknowledge: boolean };
  escalation: Escalation | null;
  justAcknowledged: boolean;
}

export interface AlertSources {
  alert: Alert;
  chain: Alert[];
  decision: RoutingDecision | null;
  deliveries: Delivery[];
  acknowledgements: Acknowledgement[];
  escalation: Escalation | null;
  state: AlertState | undefined;
  names: Map<string, string>;
  organisationId: string;
  justAcknowledged: boolean;
}

/** Who acknowledged, in words: the person (console), the referent (e-mailed link), or the organisation (API key). */
function who(ack: Acknowledgement): string {
  return ack.person?.name ?? ack.referentName ?? ack.organisationName ?? 'Organisation';
}

export function alertPageModel(sources: AlertSources): AlertPageModel {
  const { alert, names } = sources;
  const nameOf = (id: string): string => names.get(id) ?? `Organisation ${id.slice(0, 8)}`;
  const deliveriesOf = (organisationId: string) =>
    sources.deliveries
      .filter((delivery) => delivery.organisationId === organisationId)
      .map((delivery) => ({
        channel: delivery.channel,
        status: delivery.status,
        attempts: delivery.attempts,
        lastError: delivery.lastError ?? null,
      }));
  const routed = sources.decision?.recipients ?? [];
  const recipientIds =
    routed.length > 0
      ? routed
      : [...new Set(sources.deliveries.map((delivery) => delivery.organisationId))].map((organisationId) => ({
          organisationId,
          rule: null,
          reason: '',
        }));
  const acknowledgedByUs = sources.acknowledgements.find((ack) => ack.organisationId === sources.organisationId);
  return {
    alert,
    chain: sources.chain.map((message) => ({
      id: message.alertId,
      href: `/alertes/${message.alertId}`,
      msgType: message.msgType,
      sent: message.sent,
      headline: message.info[0].headline,
      note: message.note ?? null,
      current: message.alertId === alert.alertId,
    })),
    recipients: recipientIds.map((recipient) => ({
      name: nameOf(recipient.organisationId),
      rule: 'rule' in recipient ? recipient.rule : null,
      reason: recipient.reason,
      deliveries: deliveriesOf(recipient.organisationId),
    })),
    excluded: (sources.decision?.excluded ?? []).map((exclusion) => ({
      name: nameOf(exclusion.organisationId),
      reason: exclusion.reason,
    })),
    acknowledgements: sources.acknowledgements.map((ack) => ({
      who: who(ack),
      organisation: ack.organisationName ?? nameOf(ack.organisationId),
      channel: ack.person ? 'console' : ack.channel,
      note: ack.note ?? '',
      at: ack.acknowledgedAt,
    })),
    mine: {
      rule: sources.state?.rule ?? null,
      reason: sources.state?.reason ?? null,
      acknowledgedAt: acknowledgedByUs?.acknowledgedAt ?? sources.state?.acknowledgedAt ?? null,
      canAcknowledge: alert.senderOrganisationId !== sources.organisationId,
    },
    escalation: sources.escalation,
    justAcknowledged: sources.justAcknowledged,
  };
}
