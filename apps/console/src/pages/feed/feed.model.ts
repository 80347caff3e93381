import type { Alert } from '../../clients/ingestion.client';
import type { AlertState } from '../../clients/notification.client';

/** One line of the live feed, as the view shows it. */
export interface FeedRow {
  id: string;
  href: string;
  headline: string;
  event: string;
  severity: string;
  urgency: string;
  tlp: string;
  status: string;
  msgType: string;
  place: string;
  sent: string;
  rule: string | null;
  reason: string | null;
  sentByUs: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Deadline for the prefecture's acknowledgement while an escalation is armed. */
  deadline: string | null;
  escalation: string | null;
}

export interface FeedFilters {
  status?: string;
  severity?: string;
  eventCode?: string;
  /** A day (YYYY-MM-DD): alerts sent that day, Paris time. */
  date?: string;
}

export interface FeedModel {
  filters: FeedFilters;
  rows: FeedRow[];
  nextHref: string | null;
}

/** Reasons and escalation come from routing in English; the page says them as they are. */
export function feedRow(alert: Alert, state: AlertState | undefined, organisationId: string): FeedRow {
  const info = alert.info[0];
  const escalation = state?.escalation ?? null;
  return {
    id: alert.alertId,
    href: `/alertes/${alert.alertId}`,
    headline: info.headline,
    event: info.event,
    severity: info.severity,
    urgency: info.urgency,
    tlp: alert.tlp,
    status: alert.status,
    msgType: alert.msgType,
    place: [alert.location.communeName, `(${alert.location.department})`].filter(Boolean).join(' '),
    sent: alert.sent,
    rule: state?.rule ?? null,
    reason: state?.reason ?? null,
    sentByUs: alert.senderOrganisationId === organisationId,
    acknowledgedAt: state?.acknowledgedAt ?? null,
    acknowledgedBy: state?.acknowledgedBy ?? null,
    deadline: escalation?.status === 'armed' ? (escalation.nextStepAt ?? null) : null,
    escalation: escalation
      ? escalation.status === 'armed'
        ? (escalation.nextStep ?? 'armed')
        : escalation.status
      : null,
  };
}

/** The filters a URL may carry, checked against the vocabulary (anything else is ignored). */
export function readFilters(query: Record<string, unknown>): FeedFilters {
  const pick = (name: string, allowed: RegExp): string | undefined => {
    const value = query[name];
    return typeof value === 'string' && allowed.test(value) ? value : undefined;
  };
  return {
    status: pick('statut', /^(Actual|Exercise|Test|System|Draft)$/),
    severity: pick('gravite', /^(Extreme|Severe|Moderate|Minor|Unknown)$/),
    eventCode: pick('type', /^[a-z-]{2,40}$/),
    date: pick('date', /^\d{4}-\d{2}-\d{2}$/),
  };
}

/** The day's bounds in Paris time, as the alerts API expects them. */
export function dayBounds(date: string): { from: string; to: string } {
  const start = new Date(`${date}T00:00:00+01:00`);
  const end = new Date(start.getTime() + 86_400_000);
  return { from: start.toISOString().replace('.000Z', 'Z'), to: end.toISOString().replace('.000Z', 'Z') };
}

export function filtersQuery(filters: FeedFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('statut', filters.status);
  if (filters.severity) params.set('gravite', filters.severity);
  if (filters.eventCode) params.set('type', filters.eventCode);
  if (filters.date) params.set('date', filters.date);
  if (cursor) params.set('suite', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}
