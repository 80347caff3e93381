import { nextCursorOf } from './service-call';

describe("a list's next page", () => {
  it('is the cursor of the Link header whose relation is next', () => {
    const link = (value: string) => new Headers({ link: value });
    expect(nextCursorOf(link('</v1/received-broadcasts?cursor=abc_-1&limit=20>; rel="next"'))).toBe('abc_-1');
    expect(nextCursorOf(link('</v1/sent-alerts?cursor=xyz>;rel=next'))).toBe('xyz');
    expect(nextCursorOf(link('</v1/sent-alerts?cursor=xyz>; rel="prev"'))).toBeNull();
    expect(nextCursorOf(new Headers())).toBeNull();
  });
});
