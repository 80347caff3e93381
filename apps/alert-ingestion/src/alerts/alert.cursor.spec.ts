import { decodeCursor, encodeCursor } from './alert.cursor';

describe('alert cursor', () => {
  it('round-trips', () => {
    const cursor = { sent: '2026-11-28T01:00:00.123Z', id: '01a21fd9-5809-7126-8d3e-71114f08de40' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    '',
    'bm9wZQ',
    Buffer.from('2026-11-28|not-an-id').toString('base64url'),
    Buffer.from('x|y|z').toString('base64url'),
  ])('refuses %p', (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
