import { decodePosition, encodePosition, openEscalationOf } from './escalations.queries';

const ID = '0f8e3a52-6d1e-4a7b-8c2f-5e9d0a1b2c3d';

describe('open escalations', () => {
  it('writes a page position as a cursor and reads it back to the microsecond', () => {
    const position = { armedAt: '2026-12-04T21:50:03.123456Z', id: ID };
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('refuses a cursor it did not write', () => {
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    expect(decodePosition(cursor(`2026-12-04T21:50:03.123Z|${ID}`))).toBeNull();
    expect(decodePosition(cursor('2026-12-04T21:50:03.123456Z|not-an-id'))).toBeNull();
    expect(decodePosition(cursor(`2026-12-04T21:50:03.123456Z|${ID}|more`))).toBeNull();
    expect(decodePosition(cursor(`2026-13-45T21:50:03.123456Z|${ID}`))).toBeNull();
    expect(decodePosition('')).toBeNull();
  });

  const row = {
    id: ID,
    alert_id: ID,
    prefecture_id: '5f0c7a4e-2b1d-4e8a-9c3f-7d6e5b4a3c21',
    department: '69',
    commune: '69123',
    commune_name: 'Lyon',
    event_code: 'intrusion',
    severity: 'Severe',
    tlp: 'RED',
    created_at: new Date('2026-12-04T21:50:03.123Z'),
    position: '2026-12-04T21:50:03.123456Z',
    next_step: 'deputy' as const,
    next_step_at: new Date('2026-12-04T22:05:03.123Z'),
    readable: false,
    headline: 'Menace sur un transport de fonds',
  };

  it('never gives the headline to a caller who may not read the alert', () => {
    expect(openEscalationOf(row)).toMatchObject({ headline: null, contentRestricted: true, step: 'prefecture' });
    expect(openEscalationOf({ ...row, readable: true })).toMatchObject({
      headline: 'Menace sur un transport de fonds',
      contentRestricted: false,
    });
  });

  it('tells the step from the next one: the deputy alerted once the national level is next', () => {
    expect(openEscalationOf({ ...row, next_step: 'national' }).step).toBe('deputy');
    expect(openEscalationOf(row).position).toEqual({ armedAt: row.position, id: ID });
  });
});
