import { viewOf } from './view-of';

describe('viewOf', () => {
  const row = { id: 'a', createdAt: new Date('2026-01-02T03:04:05.000Z'), revokedAt: null as Date | null, secret: 's' };

  it('copies the named fields in the order given and writes dates as ISO 8601', () => {
    const view = viewOf(row, ['revokedAt', 'createdAt', 'id']);
    expect(view).toEqual({ revokedAt: null, createdAt: '2026-01-02T03:04:05.000Z', id: 'a' });
    expect(Object.keys(view)).toEqual(['revokedAt', 'createdAt', 'id']);
  });

  it('leaves out the fields it is not given', () => {
    expect(viewOf(row, ['id'])).not.toHaveProperty('secret');
  });
});
