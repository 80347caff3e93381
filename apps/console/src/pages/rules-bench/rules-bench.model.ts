import type { SignedInPerson } from '../../clients/registry.client';
import type { AlertPreview, AlertPreviewDraft, PreviewSender } from '../../clients/routing.client';
import { ORGANISATION_KIND, TLP } from '../../components/labels';
import { textField } from '../form-body';
import {
  EVENT_CHOICES,
  SEVERITY_CHOICES,
  draftQuestionErrors,
  isChoice,
  newDraftQuestions,
  previewDraftOf,
  readDraftQuestions,
  type DraftQuestions,
} from '../report/report.model';

/** Every TLP label an alert may carry, TLP:RED included (a partner's report form offers four). */
export const BENCH_TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

export const BENCH_STATUSES = [
  { value: 'Actual', label: 'Alerte réelle', hint: 'Les règles et les abonnements des alertes réelles.' },
  { value: 'Exercise', label: 'Exercice', hint: 'Seuls les destinataires qui acceptent les exercices le recevraient.' },
] as const;

/** The bench's form as posted. */
export interface BenchForm extends DraftQuestions {
  /** The organisation the alert is tried as. */
  sender: string;
  status: string;
}

export type BenchErrors = Partial<Record<keyof BenchForm, string>>;

/**
 * Who may use the bench, as the person's roles give them the operator role (people.policy's
 * apiRolesOf): a prefecture's duty officers and administrators, the national level's
 * administrators. Routing decides again on every call; this only shapes the navigation.
 */
export function mayUseRulesBench(person: Pick<SignedInPerson, 'organisationKind' | 'roles'>): boolean {
  if (person.organisationKind === 'PREFECTURE') {
    return person.roles.includes('DUTY_OFFICER') || person.roles.includes('ORGANISATION_ADMIN');
  }
  return person.organisationKind === 'NATIONAL_LEVEL' && person.roles.includes('ORGANISATION_ADMIN');
}

export function newBenchForm(): BenchForm {
  return {
    ...newDraftQuestions(),
    sender: '',
    status: 'Actual',
  };
}

export function readBenchForm(body: unknown): BenchForm {
  return {
    ...readDraftQuestions(body),
    sender: textField(body, 'sender', 36).toLowerCase(),
    status: textField(body, 'status', 20),
  };
}

/** What must be there before routing is asked; the sender must be one the bench offered. */
export function benchErrors(form: BenchForm, senders: readonly { organisationId: string }[]): BenchErrors {
  const errors: BenchErrors = {};
  if (!senders.some((sender) => sender.organisationId === form.sender)) errors.sender = 'Choisissez l’émetteur.';
  Object.assign(
    errors,
    draftQuestionErrors(form, BENCH_TLPS, {
      eventCode: 'Choisissez le type d’événement.',
      severity: 'Choisissez la gravité.',
      urgency: 'Choisissez l’urgence.',
      certainty: 'Choisissez la certitude.',
      tlp: 'Choisissez qui peut lire l’alerte.',
    }),
  );
  if (!isChoice(BENCH_STATUSES, form.status)) errors.status = 'Dites si c’est une alerte réelle ou un exercice.';
  return errors;
}

/** What routing's preview reads, as the chosen sender (once benchErrors found none). */
export function benchDraftOf(form: BenchForm): AlertPreviewDraft {
  const status = form.status as AlertPreviewDraft['status'];
  return { ...previewDraftOf(form), senderOrganisationId: form.sender, status };
}

/** The senders as the select offers them: name, kind and where they operate. */
export function senderChoices(senders: PreviewSender[]): { value: string; label: string }[] {
  return senders.map((sender) => ({
    value: sender.organisationId,
    label: `${sender.name} — ${ORGANISATION_KIND[sender.kind] ?? sender.kind}${
      sender.departments.length > 0 ? ` (${sender.departments.join(', ')})` : ''
    }`,
  }));
}

/** One recipient of the trial with every rule that chose it, each with routing's reason. */
export interface BenchRecipient {
  organisationId: string;
  name: string;
  kind: string;
  choices: { rule: string; reason: string | null }[];
}

export function benchRecipients(preview: AlertPreview): BenchRecipient[] {
  return preview.recipients.map((recipient) => ({
    organisationId: recipient.organisationId,
    name: recipient.name,
    kind: ORGANISATION_KIND[recipient.kind] ?? recipient.kind,
    choices: recipient.rules.map((rule, index) => ({ rule, reason: recipient.reasons[index] ?? null })),
  }));
}

/** The trial in one line: as whom, where, what. */
export function trialWords(form: BenchForm, sender: string, place: string): string {
  const event = EVENT_CHOICES.find((choice) => choice.value === form.eventCode)?.label ?? form.eventCode;
  const severity = SEVERITY_CHOICES.find((choice) => choice.value === form.severity)?.label ?? form.severity;
  const exercise = form.status === 'Exercise' ? ' (exercice)' : '';
  return `${event}${exercise}, gravité ${severity.toLowerCase()}, à ${place}, signalé par ${sender}, ${TLP[form.tlp]?.name ?? form.tlp}`;
}
