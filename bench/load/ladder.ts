/** The given rates, then on up (by 250 to 1,500, then by about a third) when `climb`. */
export function* ladder(options: { rates: number[]; climb: boolean }): Generator<number> {
  yield* options.rates;
  if (!options.climb) return;
  let rate = options.rates[options.rates.length - 1];
  for (;;) {
    rate = rate < 1500 ? rate + 250 : Math.round((rate * 4) / 3 / 250) * 250;
    yield rate;
  }
}

/** A rate between one that held and one that did not: geometric when they are far apart. */
export function between(held: number, failed: number): number {
  return failed / held >= 4 ? Math.round(Math.sqrt(failed * held)) : Math.round((failed + held) / 2);
}

/** The next rate to hold when a hold failed: 15 % lower, down to a multiple of 5 (0 when nothing is left). */
export function lowered(rate: number): number {
  return Math.floor((rate * 0.85) / 5) * 5;
}
