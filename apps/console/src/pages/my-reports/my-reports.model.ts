import { EVENT_LABELS_FR } from '@vigie/contracts';
import type { Alert } from '../../clients/ingestion.client';
import type { Acknowledgement } from '../../clients/notification.client';

/** One acknowledgement as the reporting organisation sees it: which prefecture (or partner), who, when. */
export interface AcknowledgementItem {
  organisation: string;
  who: string | null;
  at: string;
}

export interface ReportRow {
  /** The chain's first message: the report's address in the console and its live-event name. */
  id: string;
  headline: string;
  event: string;
  severity: string;
  status: string;
  msgType: string;
  sent: string;
  commune: string;
  acknowledgements: AcknowledgementItem[];
}

export function acknowledgementItem(ack: Acknowledgement): AcknowledgementItem {
  return {
    organisation: ack.organisationName ?? 'Organisation destinataire',
    who: ack.person?.name ?? ack.referentName ?? null,
    at: ack.acknowledgedAt,
  };
}

/** Every acknowledgement of a chain once per organisation (its first), oldest first. */
export function chainAcknowledgements(lists: Acknowledgement[][]): AcknowledgementItem[] {
  const first = new Map<string, Acknowledgement>();
  for (const ack of lists.flat().sort((a, b) => a.acknowledgedAt.localeCompare(b.acknowledgedAt))) {
    if (!first.has(ack.organisationId)) first.set(ack.organisationId, ack);
  }
  return [...first.values()].map(acknowledgementItem);
}

export function reportRow(latest: Alert, acknowledgements: AcknowledgementItem[]): ReportRow {
  const info = latest.info[0];
  return {
    id: latest.originalAlertId,
    headline: info?.headline ?? latest.identifier,
    event: info ? EVENT_LABELS_FR[info.eventCode] : '',
    severity: info?.severity ?? 'Unknown',
    status: latest.status,
    msgType: latest.msgType,
    sent: latest.sent,
    commune: latest.location.communeName ?? latest.location.department,
    acknowledgements,
  };
}
