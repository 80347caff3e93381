import { ServiceCallError } from '../clients/service-call';
import { cursorRefused, pageCursor, pageLinks } from './paging';

describe('paging of long lists', () => {
  it('reads the page asked for: the most recent, a cursor, or something no page links to', () => {
    expect(pageCursor(undefined)).toBeUndefined();
    expect(pageCursor('')).toBeUndefined();
    expect(pageCursor('MjAyNi0xMi0wNFQyMTowMDowMC4wMDAwMDB8YWJj')).toBe('MjAyNi0xMi0wNFQyMTowMDowMC4wMDAwMDB8YWJj');
    expect(pageCursor('<script>')).toBeNull();
    expect(pageCursor(['a', 'b'])).toBeNull();
    expect(pageCursor('x'.repeat(201))).toBeNull();
  });

  it('links back to the most recent from an older page, and on when the service has more', () => {
    expect(pageLinks('/diffusions-recues', undefined, null)).toEqual({ newestHref: null, olderHref: null });
    expect(pageLinks('/diffusions-recues', undefined, 'abc')).toEqual({
      newestHref: null,
      olderHref: '/diffusions-recues?avant=abc',
    });
    expect(pageLinks('/mes-signalements', 'abc', null)).toEqual({ newestHref: '/mes-signalements', olderHref: null });
  });

  it("knows a service's refusal of the cursor from other refusals", () => {
    const refusal = (status: number, field: string) =>
      new ServiceCallError('notification', status, { details: [{ field, problems: ['no'] }] });
    expect(cursorRefused(refusal(400, 'cursor'))).toBe(true);
    expect(cursorRefused(refusal(400, 'limit'))).toBe(false);
    expect(cursorRefused(refusal(503, 'cursor'))).toBe(false);
    expect(cursorRefused(new Error('cursor'))).toBe(false);
  });
});
