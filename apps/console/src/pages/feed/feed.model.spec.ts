import { renderFragment } from '../../render';
import { parseEvents, sseMessage } from '../stream-relay';
import { dayBounds, filtersQuery, readFilters } from './feed.model';
import { FeedRowView } from './feed.view';

describe('feed filters in the URL', () => {
  it.each([
    [
      { statut: 'Exercise', gravite: 'Severe', type: 'intrusion', date: '2026-12-03' },
      { status: 'Exercise', severity: 'Severe', eventCode: 'intrusion', date: '2026-12-03' },
    ],
    [
      { statut: 'Bogus', gravite: 'Severe<script>', type: 'A;B', date: 'hier' },
      { status: undefined, severity: undefined, eventCode: undefined, date: undefined },
    ],
    [
      { statut: ['Actual', 'Exercise'] },
      { status: undefined, severity: undefined, eventCode: undefined, date: undefined },
    ],
  ])('reads %j as %j', (query, filters) => {
    expect(readFilters(query)).toEqual(filters);
  });

  it('writes them back with the cursor of the next page', () => {
    expect(filtersQuery({ severity: 'Extreme', date: '2026-12-03' }, 'abc')).toBe(
      '?gravite=Extreme&date=2026-12-03&suite=abc',
    );
    expect(filtersQuery({})).toBe('');
  });

  it('takes a day in Paris winter time', () => {
    expect(dayBounds('2026-12-03')).toEqual({ from: '2026-12-02T23:00:00Z', to: '2026-12-03T23:00:00Z' });
  });
});

describe('the live stream relay', () => {
  it('splits events, keeps what is incomplete for the next chunk and notices keep-alives', () => {
    const { events, rest } = parseEvents(
      'retry: 2000\n\nid: 7\nevent: alert.routed\ndata: {"a":1}\n\n: keep-alive\n\nid: 8\nevent: al',
    );
    expect(events).toEqual([{ id: '7', event: 'alert.routed', data: '{"a":1}' }, 'keep-alive']);
    expect(rest).toBe('id: 8\nevent: al');
  });

  it('joins multi-line data and writes HTML one data line per line', () => {
    const { events } = parseEvents('id: 3\ndata: one\ndata: two\n\n');
    expect(events).toEqual([{ id: '3', data: 'one\ntwo' }]);
    expect(sseMessage('9', 'alerte', '<tr>\n</tr>')).toBe('id: 9\nevent: alerte\ndata: <tr>\ndata: </tr>\n\n');
    expect(sseMessage('10', null, '')).toBe('id: 10\n\n');
  });
});

describe('a feed row', () => {
  it('renders every string of an alert as text', () => {
    const html = renderFragment(
      FeedRowView({
        row: {
          id: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
          href: '/alertes/3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
          headline: '<script>alert(1)</script>',
          event: '<img src=x onerror=alert(1)>',
          severity: 'Extreme',
          urgency: 'Immediate',
          tlp: 'AMBER',
          status: 'Exercise',
          msgType: 'Alert',
          place: 'Lyon (69)',
          sent: '2026-12-04T01:00:00.000Z',
          rule: 'competent-prefecture',
          reason: '"><b>',
          sentByUs: false,
          acknowledgedAt: null,
          acknowledgedBy: null,
          deadline: '2026-12-04T01:15:00.000Z',
          escalation: 'armed',
        },
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('EXERCICE — ');
    expect(html).toContain('Diffusion restreinte (TLP:AMBER)');
    expect(html).toContain('Gravité : Extrême');
    expect(html).toContain('Urgence : Immédiate');
    expect(html).toContain('Préfecture compétente pour le département — <span lang="en">&quot;>&lt;b></span>');
  });
});
