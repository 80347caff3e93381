import { HeldRows } from './held-rows';

const row = (organisationId: string) => ({ organisation_id: organisationId, roles: ['alerts:write'] });

describe('HeldRows', () => {
  let now = 0;
  const keys = (limits = { rows: 10, lifetimeMs: 60_000 }) => new HeldRows<ReturnType<typeof row>>(limits, () => now);

  beforeEach(() => (now = 1_000));

  it('keeps nothing before changes are heard', () => {
    const known = keys();
    known.keep('k1', row('o1'), known.beginRead());
    expect(known.get('k1')).toBeUndefined();
  });

  it('answers a key it read while listening', () => {
    const known = keys();
    known.listening();
    known.keep('k1', row('o1'), known.beginRead());
    expect(known.get('k1')).toEqual(row('o1'));
  });

  it('forgets every key when a change is announced', () => {
    const known = keys();
    known.listening();
    known.keep('k1', row('o1'), known.beginRead());
    known.changed();
    expect(known.get('k1')).toBeUndefined();
    expect(known.size).toBe(0);
  });

  it('does not keep what a read found if a change was announced while it ran', () => {
    const known = keys();
    known.listening();
    const read = known.beginRead();
    known.changed();
    known.keep('k1', row('o1'), read);
    expect(known.get('k1')).toBeUndefined();
  });

  it('forgets everything and keeps nothing once the announcements are lost, until it listens again', () => {
    const known = keys();
    known.listening();
    known.keep('k1', row('o1'), known.beginRead());
    const during = known.beginRead();
    known.deaf();
    expect(known.get('k1')).toBeUndefined();
    known.keep('k2', row('o2'), known.beginRead());
    expect(known.get('k2')).toBeUndefined();
    known.listening();
    known.keep('k3', row('o3'), during);
    expect(known.get('k3')).toBeUndefined();
    known.keep('k3', row('o3'), known.beginRead());
    expect(known.get('k3')).toEqual(row('o3'));
  });

  it('reads a key again once its lifetime is over', () => {
    const known = keys({ rows: 10, lifetimeMs: 500 });
    known.listening();
    known.keep('k1', row('o1'), known.beginRead());
    now += 499;
    expect(known.get('k1')).toBeDefined();
    now += 1;
    expect(known.get('k1')).toBeUndefined();
  });

  it('forgets the least recently used key first when full', () => {
    const known = keys({ rows: 2, lifetimeMs: 60_000 });
    known.listening();
    known.keep('k1', row('o1'), known.beginRead());
    known.keep('k2', row('o2'), known.beginRead());
    known.get('k1');
    known.keep('k3', row('o3'), known.beginRead());
    expect(known.get('k2')).toBeUndefined();
    expect(known.get('k1')).toBeDefined();
    expect(known.get('k3')).toBeDefined();
  });
});
