import type { AlertSnapshot, BroadcastSnapshot } from '@vigie/contracts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The copy one recipient receives (as stored with the delivery). */
export interface EmailCopy {
  type: string;
  alert?: AlertSnapshot;
  broadcast?: BroadcastSnapshot;
  recipient?: { reason?: string };
  escalation?: { step: string; reason: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** Label / value lines, the same in both bodies. */
function facts(copy: EmailCopy): [string, string][] {
  if (copy.broadcast) {
    const b = copy.broadcast;
    return [
      ['Message', b.headline],
      ['Émetteur', b.senderName],
      ['Gravité', b.severity],
      ['Description', b.description],
      ...(b.instruction ? [['Consignes', b.instruction] as [string, string]] : []),
      ['TLP', b.tlp],
    ];
  }
  const alert = copy.alert!;
  const info = alert.info[0];
  const place = alert.location.communeName
    ? `${alert.location.communeName} (${alert.location.department})`
    : `département ${alert.location.department}`;
  return [
    ['Alerte', info.headline],
    ['Événement', info.event],
    ['Gravité', `${info.severity} — urgence ${info.urgency}, certitude ${info.certainty}`],
    ['Lieu', place],
    ['Envoyée le', alert.sent],
    ...(info.description ? [['Description', info.description] as [string, string]] : []),
    ...(info.instruction ? [['Consignes', info.instruction] as [string, string]] : []),
    ['TLP', alert.tlp],
    ...(copy.recipient?.reason ? [['Pourquoi vous', copy.recipient.reason] as [string, string]] : []),
    ...(copy.escalation ? [['Escalade', copy.escalation.reason] as [string, string]] : []),
  ];
}

function subjectOf(copy: EmailCopy): string {
  if (copy.broadcast) return `[Vigie] Message de vigilance — ${copy.broadcast.headline}`;
  const info = copy.alert!.info[0];
  const prefix = copy.type === 'alert.escalated' ? '[Vigie] ESCALADE' : '[Vigie]';
  return `${prefix} ${info.severity} — ${info.headline} (${copy.alert!.location.department})`;
}

/** A plain-text and an HTML body carrying the same facts and, for alerts, the acknowledgement link. */
export function renderEmail(copy: EmailCopy, acknowledgeUrl: string | null): RenderedEmail {
  const lines = facts(copy);
  const ack = acknowledgeUrl
    ? {
        text: `\nPour accuser réception (prise en compte) de cette alerte : ${acknowledgeUrl}\n`,
        html: `<p><a href="${escapeHtml(acknowledgeUrl)}">Accuser réception de cette alerte</a></p>`,
      }
    : { text: '', html: '' };
  const text = [
    ...lines.map(([label, value]) => `${label} : ${value}`),
    ack.text,
    '— Vigie. Ne pas transférer au-delà de ce que le TLP permet.',
  ].join('\n');
  const rows = lines
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('');
  const html = `<!doctype html><html lang="fr"><body><table>${rows}</table>${ack.html}<p>— Vigie. Ne pas transférer au-delà de ce que le TLP permet.</p></body></html>`;
  return { subject: subjectOf(copy), text, html };
}
