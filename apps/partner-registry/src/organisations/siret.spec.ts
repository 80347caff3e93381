import { isValidSiret } from './siret';

describe('isValidSiret', () => {
  it.each([
    ['73282932000074', true], // a well-known published SIRET
    ['35600000000048', true], // La Poste head office (Luhn)
    ['35600000049837', true], // a La Poste establishment (digit sum ÷ 5)
    ['73282932000075', false], // last digit changed
    ['7328293200007', false], // 13 digits
    ['7328293200007A', false],
    ['', false],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});
