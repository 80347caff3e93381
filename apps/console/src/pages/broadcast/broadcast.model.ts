import type { BroadcastAcknowledgement } from '../../clients/notification.client';
import type { BroadcastDraft } from '../../clients/routing.client';
import { SECTORS } from '../../components/labels';
import { listField, textField } from '../form-body';

export const SEVERITIES = ['Minor', 'Moderate', 'Severe', 'Extreme'] as const;
export const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** The composer's fields as posted (kept as text so the form can be shown again as typed). */
export interface BroadcastForm {
  headline: string;
  description: string;
  instruction: string;
  severity: string;
  tlp: string;
  /** 'Exercise' or 'Actual': chosen explicitly, never defaulted. */
  status: string;
  sectors: string[];
  conventions: string[];
  confirmation: string;
}

export type FormErrors = Partial<Record<keyof BroadcastForm, string>>;

export function readBroadcastForm(body: unknown): BroadcastForm {
  return {
    headline: textField(body, 'headline', 160),
    description: textField(body, 'description', 8000),
    instruction: textField(body, 'instruction', 4000),
    severity: textField(body, 'severity', 20),
    tlp: textField(body, 'tlp', 20),
    status: textField(body, 'status', 20),
    sectors: listField(body, 'sectors').filter((sector) => sector in SECTORS),
    conventions: listField(body, 'conventions').filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    confirmation: textField(body, 'confirmation', 10),
  };
}

/** What the form needs before anything is asked of routing: filled fields, known values. */
export function formErrors(form: BroadcastForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.headline) errors.headline = 'Donnez un titre au message.';
  if (!form.description) errors.description = 'Écrivez le message.';
  if (!(SEVERITIES as readonly string[]).includes(form.severity)) errors.severity = 'Choisissez la gravité.';
  if (!(TLPS as readonly string[]).includes(form.tlp)) errors.tlp = 'Choisissez qui peut lire ce message.';
  if (form.status !== 'Actual' && form.status !== 'Exercise')
    errors.status = 'Dites s’il s’agit d’un exercice ou d’un message réel.';
  return errors;
}

/** A real Extreme message asks for the département code typed by hand before it leaves. */
export function needsTypedConfirmation(form: BroadcastForm): boolean {
  return form.status === 'Actual' && form.severity === 'Extreme';
}

export function confirmationError(form: BroadcastForm, departments: string[]): string | null {
  if (!needsTypedConfirmation(form)) return null;
  return departments.includes(form.confirmation.toUpperCase())
    ? null
    : `Tapez le code de votre département (${departments.join(' ou ')}) pour envoyer un message réel de gravité extrême.`;
}

/** The draft routing receives, once formErrors found none (each choice is then one routing knows). */
export function draftOf(form: BroadcastForm): BroadcastDraft {
  const title =
    form.status === 'Exercise' && !form.headline.startsWith('EXERCICE') ? `EXERCICE — ${form.headline}` : form.headline;
  return {
    headline: title.slice(0, 160),
    description: form.description,
    ...(form.instruction ? { instruction: form.instruction } : {}),
    severity: form.severity as BroadcastDraft['severity'],
    status: form.status as BroadcastDraft['status'],
    tlp: form.tlp as BroadcastDraft['tlp'],
    ...(form.sectors.length > 0 ? { sectors: form.sectors as BroadcastDraft['sectors'] } : {}),
    ...(form.conventions.length > 0 ? { conventions: form.conventions } : {}),
  };
}

export const EMPTY_FORM: BroadcastForm = {
  headline: '',
  description: '',
  instruction: '',
  severity: 'Moderate',
  tlp: 'GREEN',
  status: '',
  sectors: [],
  conventions: [],
  confirmation: '',
};

/** A recipient's acknowledgement of a broadcast, as its sender sees it. */
export interface RecipientAcknowledgement {
  organisation: string;
  /** The person, when it was acknowledged through the console. */
  who: string | null;
  at: string;
}

/** The acknowledgements of the sender's broadcasts, by broadcast, oldest first. */
export function acknowledgementsByBroadcast(
  acknowledgements: BroadcastAcknowledgement[],
): Map<string, RecipientAcknowledgement[]> {
  const byBroadcast = new Map<string, RecipientAcknowledgement[]>();
  const ordered = [...acknowledgements].sort((a, b) => a.acknowledgedAt.localeCompare(b.acknowledgedAt));
  for (const acknowledgement of ordered) {
    const list = byBroadcast.get(acknowledgement.broadcastId) ?? [];
    list.push({
      organisation: acknowledgement.organisationName ?? 'Organisation destinataire',
      who: acknowledgement.person?.name ?? null,
      at: acknowledgement.acknowledgedAt,
    });
    byBroadcast.set(acknowledgement.broadcastId, list);
  }
  return byBroadcast;
}

/** A sent broadcast's acknowledgements as they now stand, and the sentence announcing the new one. */
export interface LiveBroadcastAcknowledgement {
  recipients: number;
  acknowledged: RecipientAcknowledgement[];
  announcement: string;
}

/**
 * What the live list shows when `organisationId` acknowledged the broadcast: its
 * acknowledgements as notification now has them (the event is appended in the transaction that
 * records the acknowledgement, so it is among them) and a sentence for the status region.
 */
export function liveAcknowledgement(
  broadcast: { id: string; headline: string; recipients: number },
  acknowledgements: BroadcastAcknowledgement[],
  organisationId: string,
): LiveBroadcastAcknowledgement {
  const { headline, recipients } = broadcast;
  const acknowledged = acknowledgementsByBroadcast(acknowledgements).get(broadcast.id) ?? [];
  const latest = acknowledgements.find(
    (acknowledgement) =>
      acknowledgement.broadcastId === broadcast.id && acknowledgement.organisationId === organisationId,
  );
  const who = latest
    ? `${latest.organisationName ?? 'Une organisation destinataire'}${latest.person ? ` (${latest.person.name})` : ''}`
    : 'Une organisation destinataire';
  return {
    recipients,
    acknowledged,
    announcement: `${who} a acquitté « ${headline} » : ${acknowledged.length} sur ${recipients}.`,
  };
}
