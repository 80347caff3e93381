import { isPhoneNumber } from './phone';

describe('isPhoneNumber', () => {
  it.each([
    ['04 72 61 60 60', true],
    ['0472616060', true],
    ['04.72.61.60.60', true],
    ['04-72-61-60-60', true],
    ['06 12 34 56 78', true],
    ['+33 4 72 61 60 60', true],
    ['+33472616060', true],
    ['+33 (0)4 72 61 60 60', false], // the trunk 0 has no place after +33
    ['+262 262 40 75 75', true], // La Réunion, international form
    ['+44 20 7946 0958', true],
    ['+1 (212) 555-0100', true],
    ['0 4 72 61 60 6', false], // nine digits
    ['00 72 61 60 60', false], // no French number starts with 00 then 7
    ['+33 0 72 61 60 60', false],
    ['+0 123 456 789', false],
    ['+123456789012345678', false], // longer than E.164 allows
    ['12345', false],
    ['04 72 61 60 60 ext 12', false],
    ['', false],
  ])('%s → %s', (phone, valid) => {
    expect(isPhoneNumber(phone)).toBe(valid);
  });
});
