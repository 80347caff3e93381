import { renderEmail, type EmailCopy } from './email.renderer';

const copy = {
  type: 'alert.routed',
  alert: {
    alertId: '01a21fd9-5809-7126-8d3e-71114f08de40',
    sent: '2026-01-10T10:00:00-00:00',
    tlp: 'AMBER',
    location: { commune: '29019', communeName: 'Brest', department: '29' },
    info: [
      {
        event: 'Intrusion',
        headline: 'Intrusion <script>alert(1)</script> & fuite',
        severity: 'Severe',
        urgency: 'Immediate',
        certainty: 'Observed',
        description: 'Deux individus',
      },
    ],
  },
  recipient: { reason: 'Préfecture du Finistère is competent for 29' },
} as unknown as EmailCopy;

describe('notification e-mail', () => {
  const link = 'https://vigie.example.fr/v1/acknowledgements/a1.abc.def';
  const mail = renderEmail(copy, link);

  it('carries the same facts in plain text and HTML, with the acknowledgement link', () => {
    expect(mail.subject).toBe('[Vigie] Severe — Intrusion <script>alert(1)</script> & fuite (29)');
    expect(mail.text).toContain('Lieu : Brest (29)');
    expect(mail.text).toContain('Pourquoi vous : Préfecture du Finistère is competent for 29');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`<a href="${link}">`);
    expect(mail.html).toContain('<td>Brest (29)</td>');
  });

  it('escapes what the alert says in the HTML body', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Intrusion &lt;script&gt;alert(1)&lt;/script&gt; &amp; fuite');
  });

  it('marks escalations, and has no link for what cannot be acknowledged', () => {
    const escalated = renderEmail(
      { ...copy, type: 'alert.escalated', escalation: { step: 'deputy', reason: 'late' } },
      link,
    );
    expect(escalated.subject).toMatch(/^\[Vigie\] ESCALADE Severe/);
    expect(escalated.text).toContain('Escalade : late');
    const broadcast = renderEmail(
      {
        type: 'broadcast.routed',
        broadcast: {
          headline: 'Vigilance',
          senderName: 'Préfecture',
          severity: 'Moderate',
          description: 'd',
          tlp: 'GREEN',
        },
      } as unknown as EmailCopy,
      null,
    );
    expect(broadcast.subject).toBe('[Vigie] Message de vigilance — Vigilance');
    expect(broadcast.html).not.toContain('<a ');
  });
});
