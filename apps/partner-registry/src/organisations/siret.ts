/** SIREN of La Poste, whose establishments follow another checksum rule (digit sum ÷ 5). */
const LA_POSTE_SIREN = '356000000';

/**
 * A SIRET is 14 digits: the 9-digit SIREN of the company and a 5-digit establishment number.
 * It passes the Luhn checksum, except La Poste's establishments, whose digit sum is a
 * multiple of 5 (INSEE rule).
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    return digits.reduce((sum, digit) => sum + digit, 0) % 5 === 0;
  }
  const sum = digits.reduce((total, digit, index) => {
    // From the right, every second digit is doubled: with 14 digits, those at even indexes.
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return sum % 10 === 0;
}
