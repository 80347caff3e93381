import type { Delivery, Webhook } from '../../clients/notification.client';
import type { NewSubscription } from '../../clients/registry.client';
import { EVENT, SECTORS, WEBHOOK_DISABLED, label } from '../../components/labels';
import { listField, textField } from '../form-body';

/** Roles an organisation's administrator may give a person it invites. */
export const INVITABLE_ROLES = ['DUTY_OFFICER', 'ORGANISATION_ADMIN'] as const;
/** Roles an organisation's administrator may give a key (admin is the national level's alone). */
export const KEY_ROLES = ['publisher', 'subscriber', 'operator'] as const;
/** Severities a subscription may start from; Unknown means every alert. */
export const MINIMUM_SEVERITIES = ['Unknown', 'Minor', 'Moderate', 'Severe', 'Extreme'] as const;

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Whether `value` is one of `choices`. */
const isOneOf = <T extends string>(choices: readonly T[], value: string): value is T =>
  (choices as readonly string[]).includes(value);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InvitationForm {
  fullName: string;
  email: string;
  role: string;
}

export interface KeyForm {
  label: string;
  roles: (typeof KEY_ROLES)[number][];
}

export type SubscriptionForm = NewSubscription;

/** A form read from a posted body, with the problems to show beside it (none: it may be sent). */
export interface Read<T> {
  form: T;
  problems: string[];
}

export function readInvitation(body: unknown): Read<InvitationForm> {
  const form = {
    fullName: textField(body, 'fullName', 200),
    email: textField(body, 'email', 254),
    role: textField(body, 'role', 40),
  };
  const problems: string[] = [];
  if (!form.fullName) problems.push('Indiquez le nom de la personne.');
  if (!EMAIL.test(form.email)) problems.push('Indiquez une adresse électronique valide, par exemple nom@exemple.fr.');
  if (!isOneOf(INVITABLE_ROLES, form.role)) problems.push('Choisissez le rôle de la personne.');
  return { form, problems };
}

export function readKey(body: unknown): Read<KeyForm> {
  const form = {
    label: textField(body, 'label', 100),
    roles: listField(body, 'roles').filter((role) => isOneOf(KEY_ROLES, role)),
  };
  const problems: string[] = [];
  if (!form.label) problems.push('Donnez un nom à la clé : le programme ou le prestataire qui l’utilise.');
  if (form.roles.length === 0) problems.push('Choisissez au moins un droit pour la clé.');
  return { form, problems };
}

type EventCode = SubscriptionForm['eventCodes'][number];
type Sector = SubscriptionForm['sectors'][number];

/** Only the organisation's own départements, known event types and sectors are kept. */
export function readSubscription(body: unknown, departments: string[]): Read<SubscriptionForm> {
  const severity = textField(body, 'minimumSeverity', 20);
  const form = {
    departments: listField(body, 'departments').filter((code) => departments.includes(code)),
    eventCodes: listField(body, 'eventCodes').filter((code): code is EventCode => code in EVENT),
    minimumSeverity: isOneOf(MINIMUM_SEVERITIES, severity) ? severity : 'Unknown',
    sectors: listField(body, 'sectors').filter((sector): sector is Sector => sector in SECTORS),
    includeExercises: textField(body, 'includeExercises', 5) === 'oui',
  };
  const problems = form.departments.length === 0 ? ['Choisissez au moins un département.'] : [];
  return { form, problems };
}

/** "Person roles" as posted on a person's page: only roles a person of the organisation may hold. */
export function readPersonChange(body: unknown): Read<{ roles: InvitableRole[]; status: 'ACTIVE' | 'DISABLED' }> {
  const roles = listField(body, 'roles').filter((role) => isOneOf(INVITABLE_ROLES, role));
  const status = textField(body, 'status', 10) === 'DISABLED' ? 'DISABLED' : 'ACTIVE';
  return { form: { roles, status }, problems: roles.length === 0 ? ['Gardez au moins un rôle.'] : [] };
}

/** The key as people recognise it without its secret: its public identifier. */
export function keyPrefix(keyId: string): string {
  return `vgk_${keyId.slice(0, 8)}…`;
}

const HTTP_STATUS = /^HTTP (\d{3})/;
const GAVE_UP = /\(gave up after (\d+) attempts\)/;

function httpProblem(status: number): string {
  if (status === 410)
    return `Votre serveur indique que l’adresse n’existe plus (HTTP 410) : le webhook a été désactivé.`;
  if (status >= 300 && status < 400)
    return `Votre serveur redirige vers une autre adresse (HTTP ${status}) : Vigie ne suit pas les redirections.`;
  if (status === 401 || status === 403)
    return `Votre serveur a refusé l’envoi (HTTP ${status}) : vérifiez qu’il accepte la signature de Vigie.`;
  if (status === 404) return 'Votre serveur ne connaît pas cette adresse (HTTP 404).';
  if (status === 413) return 'Votre serveur a refusé un message trop long (HTTP 413).';
  if (status === 429) return 'Votre serveur a demandé de ralentir (HTTP 429).';
  if (status >= 500) return `Votre serveur a répondu par une erreur (HTTP ${status}).`;
  return `Votre serveur a répondu HTTP ${status} au lieu d’accepter le message.`;
}

function networkProblem(error: string): string {
  if (/ECONNREFUSED/i.test(error)) return 'Votre serveur a refusé la connexion.';
  if (/ENOTFOUND|EAI_AGAIN|resolve/i.test(error)) return 'Le nom du serveur est introuvable.';
  if (/timeout|timed out|aborted/i.test(error)) return 'Votre serveur n’a pas répondu à temps.';
  if (/certificate|CERT_|SSL|TLS/i.test(error)) return 'Le certificat du serveur n’a pas été accepté.';
  if (/ECONNRESET|socket hang up|EPIPE/i.test(error)) return 'La connexion a été coupée avant la réponse.';
  if (/public address/i.test(error)) return 'L’adresse ne mène pas à un serveur public : Vigie n’y envoie rien.';
  if (/webhook disabled/i.test(error)) return 'Le webhook a été désactivé avant l’envoi.';
  return `Échec de l’envoi (${error}).`;
}

/** The last error of a delivery in words an organisation's administrator understands. */
export function deliveryProblem(lastError: string | null): string | null {
  if (!lastError) return null;
  const status = HTTP_STATUS.exec(lastError);
  const problem = status ? httpProblem(Number(status[1])) : networkProblem(lastError.replace(GAVE_UP, '').trim());
  const gaveUp = GAVE_UP.exec(lastError);
  return gaveUp ? `${problem} Abandon après ${gaveUp[1]} essais.` : problem;
}

/** Why a disabled webhook receives nothing, in words; null while it is enabled. */
export function webhookDisabled(webhook: Pick<Webhook, 'disabledAt' | 'disabledReason'>): string | null {
  return webhook.disabledAt ? label(WEBHOOK_DISABLED, webhook.disabledReason ?? 'by-organisation') : null;
}

/** A delivery as the tables show it: where it went, its state in words, and how to send it again. */
export interface DeliveryLine {
  id: string;
  createdAt: string;
  target: string;
  channel: string;
  status: string;
  attempts: number;
  problem: string | null;
  redeliverAction: string | null;
}

/**
 * Deliveries newest first. A dead delivery to an enabled webhook can be sent again (notification
 * refuses the others: queued ones are already being retried, a disabled webhook receives nothing).
 */
export function deliveryLines(
  deliveries: Pick<Delivery, 'id' | 'createdAt' | 'channel' | 'webhookId' | 'status' | 'attempts' | 'lastError'>[],
  webhooks: Pick<Webhook, 'id' | 'url' | 'disabledAt'>[],
): DeliveryLine[] {
  const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
  return [...deliveries]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((delivery) => {
      const webhook = delivery.webhookId ? byId.get(delivery.webhookId) : undefined;
      const redeliverable = delivery.status === 'dead' && webhook !== undefined && webhook.disabledAt === null;
      return {
        id: delivery.id,
        createdAt: delivery.createdAt,
        target: delivery.channel === 'webhook' ? (webhook?.url ?? 'webhook supprimé') : 'référent de l’organisation',
        channel: delivery.channel,
        status: delivery.status,
        attempts: delivery.attempts,
        problem: deliveryProblem(delivery.lastError ?? null),
        redeliverAction: redeliverable
          ? `/mon-organisation/webhooks/${webhook.id}/livraisons/${delivery.id}/renvoi`
          : null,
      };
    });
}
