import { escapeHtml, type RenderedEmail } from './email.renderer';

/** The message type of the e-mail telling an organisation that one of its endpoints was disabled. */
export const WEBHOOK_DISABLED_NOTICE = 'webhook.disabled';

/** What the notice says, stored as the e-mail delivery's body. */
export interface WebhookDisabledNotice {
  type: typeof WEBHOOK_DISABLED_NOTICE;
  webhook: { id: string; url: string };
  failures: number;
  failingSince: string;
  disabledAt: string;
}

/** A plain-text and an HTML body, in French like every message readers get. */
export function renderWebhookNotice(notice: WebhookDisabledNotice): RenderedEmail {
  const lines: [string, string][] = [
    ['Point de réception', notice.webhook.url],
    ['Identifiant', notice.webhook.id],
    ['Échecs consécutifs', String(notice.failures)],
    ['En échec depuis', notice.failingSince],
    ['Désactivé le', notice.disabledAt],
  ];
  const intro =
    'Ce point de réception de webhooks échouait à chaque envoi : Vigie l’a désactivé et ne lui envoie plus rien.';
  const outro =
    'Une fois le point de réception réparé, réactivez-le (POST /v1/webhooks/{id}/enable) puis redemandez les envois abandonnés (POST /v1/webhooks/{id}/redeliveries).';
  const text = [intro, '', ...lines.map(([label, value]) => `${label} : ${value}`), '', outro, '', '— Vigie'].join(
    '\n',
  );
  const rows = lines
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const html = `<!doctype html><html lang="fr"><body><p>${escapeHtml(intro)}</p><table>${rows}</table><p>${escapeHtml(outro)}</p><p>— Vigie</p></body></html>`;
  return { subject: `[Vigie] Webhook désactivé après ${notice.failures} échecs consécutifs`, text, html };
}
