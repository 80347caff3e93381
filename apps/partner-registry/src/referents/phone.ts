import { ValidateBy, type ValidationOptions } from 'class-validator';

/** What may separate digits: spaces, dots, hyphens, and brackets around an area code. */
const SEPARATORS = /[\s.\-()]/g;
const WRITTEN = /^\+?[\d\s.\-()]{6,30}$/;

/**
 * A French number in national (04 72 61 60 60) or international form (+33 4 72 61 60 60), or
 * another country's number in international form (E.164: + then up to 15 digits).
 */
export function isPhoneNumber(value: string): boolean {
  if (!WRITTEN.test(value)) return false;
  const digits = value.replace(SEPARATORS, '');
  if (digits.startsWith('+33')) return /^\+33[1-9]\d{8}$/.test(digits);
  if (digits.startsWith('+')) return /^\+[1-9]\d{6,14}$/.test(digits);
  return /^0[1-9]\d{8}$/.test(digits);
}

export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isPhoneNumber(value),
        // Never echo the value: it is personal data.
        defaultMessage: () => '$property must be a French phone number or an international one (+…)',
      },
    },
    options,
  );
}
