import { asStored, overlaid } from './message-contents.queries';

describe('a body composed as jsonb stores it', () => {
  it('orders every object’s keys as jsonb does: shorter in bytes first, then byte by byte', () => {
    const stored = asStored({ b: 1, aa: 2, a: 3, é: 4, ab: 5, nested: [{ zz: 1, y: { dd: 1, c: 2 } }] });
    expect(JSON.stringify(stored)).toBe('{"a":3,"b":1,"aa":2,"ab":5,"é":4,"nested":[{"y":{"c":2,"dd":1},"zz":1}]}');
  });

  it('keeps values that are not objects as they are, a date among them', () => {
    const at = new Date('2026-12-06T06:00:00Z');
    expect(asStored([at, 'x', 1, null])).toEqual([at, 'x', 1, null]);
  });

  it('lays the part over the content, the part’s keys winning, in jsonb’s order', () => {
    const content = asStored({ type: 'alert.routed', alert: { id: 'a-1' }, recipient: 'shared' }) as Record<
      string,
      unknown
    >;
    const whole = overlaid(content, { deliveryId: 'd-1', recipient: { rule: 'r', organisationId: 'o-1' } });
    expect(JSON.stringify(whole)).toBe(
      '{"type":"alert.routed","alert":{"id":"a-1"},"recipient":{"rule":"r","organisationId":"o-1"},"deliveryId":"d-1"}',
    );
  });
});
