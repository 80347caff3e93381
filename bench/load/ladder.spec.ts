import { between, ladder, lowered } from './ladder';

describe('ladder', () => {
  it('climbs past the given rates by 250 up to 1,500, then by about a third', () => {
    const rates: number[] = [];
    for (const rate of ladder({ rates: [1, 50, 200, 500], climb: true })) {
      if (rates.push(rate) === 12) break;
    }
    expect(rates).toEqual([1, 50, 200, 500, 750, 1000, 1250, 1500, 2000, 2750, 3750, 5000]);
  });

  it('stops at the given rates when it does not climb', () => {
    expect([...ladder({ rates: [1, 20], climb: false })]).toEqual([1, 20]);
  });
});

describe('between', () => {
  it.each([
    [1, 50, 7],
    [200, 500, 350],
    [500, 750, 625],
  ])('between %d (held) and %d (not held): %d', (held, failed, rate) => {
    expect(between(held, failed)).toBe(rate);
  });
});

describe('lowered', () => {
  it.each([
    [175, 145],
    [100, 85],
    [88, 70],
    [5, 0],
  ])('a failed hold at %d/s is tried again at %d/s', (rate, next) => {
    expect(lowered(rate)).toBe(next);
  });
});
