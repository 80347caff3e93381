import { randomUUID } from 'node:crypto';
import { AlertEventCode, EVENT_LABELS_FR } from '@vigie/contracts';
import { Geography, searchKey } from '@vigie/geo';
import type { CommuneAnswer } from '../../clients/registry.client';
import type { AlertPreviewDraft } from '../../clients/routing.client';
import { textField } from '../form-body';
import type { CommuneChoice } from './report.view';

/** Plain-language choices for CAP's three scales: what a guard in a car park can answer. */
export const SEVERITY_CHOICES = [
  { value: 'Extreme', label: 'Extrême', hint: 'Des vies sont menacées en ce moment.' },
  { value: 'Severe', label: 'Grave', hint: 'Des personnes ou des biens importants sont en danger.' },
  { value: 'Moderate', label: 'Modérée', hint: 'Un risque réel, sans danger immédiat pour les personnes.' },
  { value: 'Minor', label: 'Mineure', hint: 'Peu de risque ; pour information.' },
] as const;

export const URGENCY_CHOICES = [
  { value: 'Immediate', label: 'Maintenant', hint: 'Il faut agir tout de suite.' },
  { value: 'Expected', label: 'Dans l’heure', hint: 'Il faudra agir bientôt.' },
  { value: 'Future', label: 'Plus tard', hint: 'À prévoir, sans urgence.' },
  { value: 'Past', label: 'C’est fini', hint: 'Les faits sont passés ; pour information.' },
] as const;

export const CERTAINTY_CHOICES = [
  { value: 'Observed', label: 'Je l’ai constaté', hint: 'Vu sur place, par vous ou un agent, ou sur les caméras.' },
  { value: 'Likely', label: 'C’est probable', hint: 'Plusieurs indices concordent.' },
  { value: 'Possible', label: 'C’est possible', hint: 'Un signalement à vérifier.' },
] as const;

export const REPORT_TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'] as const;

export const EVENT_CHOICES: { value: string; label: string }[] = Object.values(AlertEventCode).map((code) => ({
  value: code,
  label: EVENT_LABELS_FR[code],
}));

/** Whether `value` is one of the choices offered. */
export const isChoice = (choices: readonly { value: string }[], value: string): boolean =>
  choices.some((choice) => choice.value === value);

/** An INSEE commune code, as the commune search fills it in. */
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** The questions of a draft alert, as the report form and the rules test bench keep them (text, shown again as typed). */
export interface DraftQuestions extends Record<
  'commune' | 'eventCode' | 'severity' | 'urgency' | 'certainty' | 'tlp',
  string
> {
  /** What was typed in the commune search box. */
  communeQuery: string;
  personalData: boolean;
}

/** The report form as posted. */
export interface ReportForm extends DraftQuestions {
  /** Generated when the draft is created; the alert's idempotency key, so a resend creates nothing new. */
  draftKey: string;
  headline: string;
  description: string;
}

export type ReportErrors = Partial<Record<keyof ReportForm, string>>;

const DRAFT_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newReport(): ReportForm {
  return {
    draftKey: randomUUID(),
    ...newDraftQuestions(),
    headline: '',
    description: '',
  };
}

/** The questions before anything is answered: what most reports say of urgency, certainty and TLP. */
export function newDraftQuestions(): DraftQuestions {
  return {
    communeQuery: '',
    commune: '',
    eventCode: '',
    severity: '',
    urgency: 'Immediate',
    certainty: 'Observed',
    tlp: 'AMBER',
    personalData: false,
  };
}

/** The questions as posted, each bounded in length. */
export function readDraftQuestions(body: unknown): DraftQuestions {
  return {
    communeQuery: textField(body, 'communeQuery', 100),
    commune: textField(body, 'commune', 5).toUpperCase(),
    eventCode: textField(body, 'eventCode', 40),
    severity: textField(body, 'severity', 20),
    urgency: textField(body, 'urgency', 20),
    certainty: textField(body, 'certainty', 20),
    tlp: textField(body, 'tlp', 20),
    personalData: textField(body, 'personalData', 3) === 'oui',
  };
}

export function readReportForm(body: unknown): ReportForm {
  const draftKey = textField(body, 'draftKey', 36);
  return {
    // A tampered or missing key gets a fresh one: the worst case is one more draft, never a merge.
    draftKey: DRAFT_KEY.test(draftKey) ? draftKey.toLowerCase() : randomUUID(),
    ...readDraftQuestions(body),
    headline: textField(body, 'headline', 160),
    description: textField(body, 'description', 8000),
  };
}

/** What the form needs before routing is asked who would receive it. */
export function reportErrors(form: ReportForm): ReportErrors {
  const errors: ReportErrors = draftQuestionErrors(form, REPORT_TLPS, {
    eventCode: 'Choisissez ce qui se passe.',
    severity: 'Dites si c’est grave.',
    urgency: 'Dites quand il faut agir.',
    certainty: 'Dites si c’est constaté ou supposé.',
    tlp: 'Choisissez qui peut lire ce signalement.',
  });
  if (!form.headline) errors.headline = 'Résumez en une ligne ce qui se passe.';
  return errors;
}

/**
 * The draft's questions not answered with a choice the form offered (`tlps`: the TLP labels it
 * offers), in the order the form asks them, each refused in `words` (the commune in the same words
 * everywhere).
 */
export function draftQuestionErrors(
  form: DraftQuestions,
  tlps: readonly string[],
  words: Record<'eventCode' | 'severity' | 'urgency' | 'certainty' | 'tlp', string>,
): Partial<Record<keyof DraftQuestions, string>> {
  const errors: Partial<Record<keyof DraftQuestions, string>> = {};
  if (!COMMUNE_CODE.test(form.commune)) errors.commune = 'Cherchez puis choisissez la commune où cela se passe.';
  if (!isChoice(EVENT_CHOICES, form.eventCode)) errors.eventCode = words.eventCode;
  if (!isChoice(SEVERITY_CHOICES, form.severity)) errors.severity = words.severity;
  if (!isChoice(URGENCY_CHOICES, form.urgency)) errors.urgency = words.urgency;
  if (!isChoice(CERTAINTY_CHOICES, form.certainty)) errors.certainty = words.certainty;
  if (!tlps.includes(form.tlp)) errors.tlp = words.tlp;
  return errors;
}

/**
 * What routing needs to say who would receive the report. Asked only of questions the form's
 * checks (reportErrors, benchErrors) accepted: each answer is then one of the choices offered.
 */
export function previewDraftOf(form: Omit<DraftQuestions, 'communeQuery'>): AlertPreviewDraft {
  return {
    commune: form.commune,
    eventCode: form.eventCode as AlertPreviewDraft['eventCode'],
    severity: form.severity as AlertPreviewDraft['severity'],
    urgency: form.urgency as AlertPreviewDraft['urgency'],
    certainty: form.certainty as AlertPreviewDraft['certainty'],
    tlp: form.tlp as AlertPreviewDraft['tlp'],
    personalData: form.personalData,
  };
}

/** The CAP alert ingestion receives. */
export function alertOf(form: ReportForm): object {
  return {
    status: 'Actual',
    tlp: form.tlp,
    personalData: form.personalData,
    location: { commune: form.commune },
    info: [
      {
        category: ['Security'],
        eventCode: form.eventCode,
        urgency: form.urgency,
        severity: form.severity,
        certainty: form.certainty,
        headline: form.headline,
        ...(form.description ? { description: form.description } : {}),
      },
    ],
  };
}

/**
 * The commune a search typed offline designates, if it designates one: the only answer, or the
 * one answer whose name is exactly what was typed (accents and hyphens aside). Otherwise none:
 * the person chooses.
 */
export function onlyCommune<C extends { code: string; name: string }>(typed: string, answers: C[]): C | null {
  if (answers.length === 1) return answers[0];
  const exact = answers.filter((answer) => searchKey(answer.name) === searchKey(typed));
  return exact.length === 1 ? exact[0] : null;
}

/** The commune of the official list with this INSEE code, as the form shows it; null for any other code. */
export function communeChoiceOf(code: string): CommuneChoice | null {
  const geography = Geography.official();
  const commune = code ? geography.commune(code) : undefined;
  if (!commune) return null;
  return {
    code: commune.code,
    name: commune.name,
    department: commune.department,
    departmentName: geography.department(commune.department)?.name ?? commune.department,
    postalCodes: commune.postalCodes,
  };
}

/** What the commune search shows: the commune already chosen, or the answers to what was typed. */
export async function communeChoicesFor(
  form: { commune: string; communeQuery: string },
  search: (typed: string) => Promise<CommuneAnswer[]>,
): Promise<CommuneChoice[]> {
  const chosen = communeChoiceOf(form.commune);
  if (chosen) return [chosen];
  return form.communeQuery ? search(form.communeQuery) : [];
}
