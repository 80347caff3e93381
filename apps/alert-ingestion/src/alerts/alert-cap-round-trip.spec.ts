import type { AlertSnapshot } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { capFixture, fullJsonSubmission } from '../../../../test/fixtures/cap';
import { parseCapXml } from '../cap/cap-xml.parser';
import { toCapXml } from '../cap/cap-xml.writer';
import { validSubmission } from './alert-bodies';
import { resolveLocation } from './alert.location';
import { newAlertSnapshot, type SnapshotContext } from './alert.snapshot';

const geography = Geography.official();

const context: Omit<SnapshotContext, 'location'> = {
  alertId: '7d3f6a2e-93c1-4b8e-a5d2-1f0e9c8b7a61',
  senderOrganisationId: '0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b',
  sent: new Date('2026-11-28T00:14:05Z'),
};

/** What ingestion would store for this body (JSON) or document (CAP XML), resolving the location as it does. */
async function snapshotOf(body: unknown, format: 'json' | 'xml'): Promise<AlertSnapshot> {
  const input = await validSubmission(format === 'json' ? body : parseCapXml(body).submission);
  const resolved = resolveLocation(input.location!, geography);
  if ('problems' in resolved) throw new Error(JSON.stringify(resolved.problems));
  return newAlertSnapshot(input, { ...context, ...resolved });
}

describe('CAP XML round trip', () => {
  it('loses nothing: JSON submission → snapshot → CAP XML → submission → the same snapshot', async () => {
    const first = await snapshotOf({ ...fullJsonSubmission(), siteId: '0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11' }, 'json');
    const xml = toCapXml(first);
    const second = await snapshotOf(xml, 'xml');
    expect(second).toEqual(first);
    expect(toCapXml(second)).toBe(xml);
  });

  it('keeps the commune when no area names it, and defaults as the JSON path does', async () => {
    const body = {
      status: 'Test',
      location: { commune: '13055' },
      info: [
        {
          category: ['Security'],
          eventCode: 'drone-overflight',
          urgency: 'Expected',
          severity: 'Minor',
          certainty: 'Possible',
          headline: 'Drone au-dessus du parking',
          area: [{ areaDesc: 'Parking nord', circle: ['43.3,5.4 0.1'] }],
        },
      ],
    };
    const first = await snapshotOf(body, 'json');
    expect(first.location).toEqual({ commune: '13055', communeName: 'Marseille', department: '13' });
    expect(await snapshotOf(toCapXml(first), 'xml')).toEqual(first);
  });

  it('keeps the instant of UTC date-times, written -00:00', async () => {
    const body = fullJsonSubmission();
    body.info[0].effective = '2026-11-28T00:14:05Z';
    const first = await snapshotOf(body, 'json');
    const second = await snapshotOf(toCapXml(first), 'xml');
    expect(second.info[0].effective).toBe('2026-11-28T00:14:05-00:00');
    expect(Date.parse(second.info[0].effective!)).toBe(Date.parse(first.info[0].effective!));
    expect({ ...second, info: second.info.slice(1) }).toEqual({ ...first, info: first.info.slice(1) });
  });

  it.each(['minimal', 'full', 'foreign'] as const)(
    'reads the %s fixture, writes it, and reads back the same alert',
    async (name) => {
      const first = await snapshotOf(capFixture(name), 'xml');
      expect(await snapshotOf(toCapXml(first), 'xml')).toEqual(first);
    },
  );
});
