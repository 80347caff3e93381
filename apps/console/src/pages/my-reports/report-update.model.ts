import { randomUUID } from 'node:crypto';
import type { Alert } from '../../clients/ingestion.client';
import { reportErrors, type ReportErrors, type ReportForm } from '../report/report.model';

/** The report form filled with the latest message of a report's chain: what an update starts from. */
export function updateFormOf(latest: Alert): ReportForm {
  const info = latest.info[0];
  return {
    draftKey: randomUUID(),
    communeQuery: '',
    commune: latest.location.commune ?? '',
    eventCode: info?.eventCode ?? '',
    severity: info?.severity ?? '',
    urgency: info?.urgency ?? '',
    certainty: info?.certainty ?? '',
    tlp: latest.tlp,
    headline: info?.headline ?? '',
    description: info?.description ?? '',
    personalData: latest.personalData,
  };
}

/** An update changes the assessment; where and what happened stay those of the report. */
export function updateErrors(form: ReportForm): ReportErrors {
  const errors = reportErrors(form);
  delete errors.commune;
  delete errors.eventCode;
  return errors;
}

/** The CAP Update ingestion receives: the new assessment, with the report's status, place and event. */
export function updateOf(latest: Alert, form: ReportForm): object {
  const info = latest.info[0];
  return {
    status: latest.status,
    tlp: form.tlp,
    personalData: form.personalData,
    location: latest.location.commune
      ? { commune: latest.location.commune }
      : { department: latest.location.department },
    info: [
      {
        category: info.category,
        eventCode: info.eventCode,
        urgency: form.urgency,
        severity: form.severity,
        certainty: form.certainty,
        headline: form.headline,
        ...(form.description ? { description: form.description } : {}),
      },
    ],
  };
}

/** A refusal from ingestion, in words; null when it is not the person's to fix (the error page then). */
export function updateRefusal(status: number): string | null {
  if (status === 409) return 'Ce signalement a été annulé : il ne peut plus être modifié.';
  if (status === 403) return 'Votre organisation ne peut plus signaler d’incident dans ce département.';
  if (status === 400 || status === 422) return 'La mise à jour a été refusée : vérifiez les champs.';
  return null;
}
