import type { OpenEscalation } from '../../clients/statistics.client';
import { EVENT, ESCALATION, SEVERITY, frenchDateTime, label } from '../../components/labels';
import { departmentName } from '../national/national.model';

/** One line of the escalations board, in words. */
export interface EscalationRow {
  alertId: string;
  department: string;
  departmentLabel: string;
  commune: string;
  event: string;
  severity: string;
  tlp: string;
  armedAt: string;
  /** How long it has waited: "depuis 2 h 05 min". */
  age: string;
  step: string;
  /** What happens next and when, unless the prefecture acknowledges. */
  next: string;
  /** Null when the person's organisation may not read the alert: its content is not shown. */
  headline: string | null;
  restricted: string;
}

/** A cursor as the board's `suite` parameter carries it; anything else is refused. */
export function pageCursorOf(asked: unknown): string | undefined | null {
  if (asked === undefined) return undefined;
  return typeof asked === 'string' && /^[\w-]{1,200}$/.test(asked) ? asked : null;
}

/** A wait in words: "depuis 45 s", "depuis 12 min", "depuis 2 h 05 min", "depuis 3 j 4 h". */
export function ageWords(armedAt: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(armedAt).getTime()) / 1000));
  if (seconds < 60) return `depuis ${seconds} s`;
  if (seconds < 3600) return `depuis ${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) {
    return `depuis ${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
  }
  const hours = Math.floor((seconds % 86_400) / 3600);
  return `depuis ${Math.floor(seconds / 86_400)} j${hours > 0 ? ` ${hours} h` : ''}`;
}

const NEXT_STEP: Record<OpenEscalation['step'], string> = {
  prefecture: 'Référent suppléant alerté',
  deputy: 'Niveau national alerté',
};

export function escalationRow(escalation: OpenEscalation, now: Date): EscalationRow {
  const tlp = escalation.tlp ?? 'inconnu';
  return {
    alertId: escalation.alertId,
    department: escalation.department,
    departmentLabel: `${departmentName(escalation.department) ?? escalation.department} (${escalation.department})`,
    commune: escalation.communeName ?? escalation.commune ?? '—',
    event: label(EVENT, escalation.eventCode),
    severity: label(SEVERITY, escalation.severity),
    tlp: `TLP:${tlp}`,
    armedAt: escalation.armedAt,
    age: ageWords(escalation.armedAt, now),
    step: escalation.step === 'deputy' ? label(ESCALATION, 'deputy') : 'Préfecture alertée',
    next: escalation.deadline
      ? `${NEXT_STEP[escalation.step]} le ${frenchDateTime(escalation.deadline)}`
      : NEXT_STEP[escalation.step],
    headline: escalation.contentRestricted ? null : escalation.headline,
    restricted: `Contenu restreint (TLP:${tlp})`,
  };
}
