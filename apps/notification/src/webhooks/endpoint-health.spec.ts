import { renderWebhookNotice } from '../channels/email/webhook-notice.renderer';
import { keepsFailing } from './endpoint-health';

describe('an endpoint that keeps failing', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const since = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const threshold = { failures: 20, seconds: 86400 };

  it('is disabled once it failed often enough for long enough', () => {
    expect(keepsFailing({ failures: 20, failingSince: since(86400) }, threshold, now)).toBe(true);
    expect(keepsFailing({ failures: 500, failingSince: since(90000) }, threshold, now)).toBe(true);
  });

  it('is kept while either part of the threshold is not reached', () => {
    expect(keepsFailing({ failures: 19, failingSince: since(10 * 86400) }, threshold, now)).toBe(false);
    expect(keepsFailing({ failures: 1000, failingSince: since(86399) }, threshold, now)).toBe(false);
  });

  it('is never disabled when the threshold is 0 failures, and at once with 0 seconds', () => {
    expect(keepsFailing({ failures: 1000, failingSince: since(365 * 86400) }, { failures: 0, seconds: 0 }, now)).toBe(
      false,
    );
    expect(keepsFailing({ failures: 3, failingSince: now }, { failures: 3, seconds: 0 }, now)).toBe(true);
  });
});

describe('the notice of a disabled endpoint', () => {
  it('names the endpoint and the way back, escaped in HTML', () => {
    const rendered = renderWebhookNotice({
      type: 'webhook.disabled',
      webhook: { id: '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60', url: 'https://hooks.example.fr/a?b=1&c=<2>' },
      failures: 20,
      failingSince: '2026-12-03T09:00:00.000Z',
      disabledAt: '2026-12-04T09:00:00.000Z',
    });
    expect(rendered.subject).toBe('[Vigie] Webhook désactivé après 20 échecs consécutifs');
    expect(rendered.text).toContain('Point de réception : https://hooks.example.fr/a?b=1&c=<2>');
    expect(rendered.text).toContain('/v1/webhooks/{id}/enable');
    expect(rendered.html).toContain('https://hooks.example.fr/a?b=1&amp;c=&lt;2&gt;');
    expect(rendered.html).not.toContain('<2>');
  });
});
