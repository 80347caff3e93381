import { pageOf } from './paging';

describe('pageOf', () => {
  const cursorOf = (last: { id: number }) => `after-${last.id}`;
  const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: index + 1 }));

  it('keeps a page of rows and points past its last one when one more row was read', () => {
    expect(pageOf(rows(3), 2, cursorOf)).toEqual({ page: [{ id: 1 }, { id: 2 }], nextCursor: 'after-2' });
  });

  it('has no next page when no more than a page was read', () => {
    expect(pageOf(rows(2), 2, cursorOf)).toEqual({ page: [{ id: 1 }, { id: 2 }], nextCursor: null });
    expect(pageOf(rows(0), 2, cursorOf)).toEqual({ page: [], nextCursor: null });
  });
});
