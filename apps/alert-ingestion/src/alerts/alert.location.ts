import type { AlertLocation, CapLocationShape } from '@vigie/contracts';
import type { Geography } from '@vigie/geo';
import type { FieldError } from '@vigie/platform';

export type LocationResolution = { location: AlertLocation; circle?: string } | { problems: FieldError[] };

/**
 * Resolves a submitted location against the official lists: exactly one of a commune, a
 * postal code that serves a single commune, or coordinates with their département.
 */
export function resolveLocation(input: CapLocationShape, geography: Geography): LocationResolution {
  const given = [input.commune, input.postalCode, input.coordinates].filter((value) => value !== undefined);
  if (given.length !== 1) {
    return { problems: [{ field: 'location', problems: ['give exactly one of commune, postalCode or coordinates'] }] };
  }
  if (input.commune !== undefined) {
    const commune = geography.commune(input.commune);
    if (!commune) {
      return {
        problems: [
          { field: 'location.commune', problems: [`${input.commune} is not a commune of the official INSEE list`] },
        ],
      };
    }
    return { location: { commune: commune.code, communeName: commune.name, department: commune.department } };
  }
  if (input.postalCode !== undefined) {
    const communes = geography.communesWithPostalCode(input.postalCode);
    if (communes.length === 0) {
      return {
        problems: [{ field: 'location.postalCode', problems: [`${input.postalCode} is not a known postal code`] }],
      };
    }
    if (communes.length > 1) {
      const candidates = communes.map((commune) => `${commune.code} ${commune.name}`).join(', ');
      return {
        problems: [
          {
            field: 'location.postalCode',
            problems: [`${input.postalCode} serves several communes; give the commune instead: ${candidates}`],
          },
        ],
      };
    }
    const [commune] = communes;
    return { location: { commune: commune.code, communeName: commune.name, department: commune.department } };
  }
  if (input.department === undefined || !geography.department(input.department)) {
    return {
      problems: [{ field: 'location.department', problems: ['coordinates need the INSEE code of their département'] }],
    };
  }
  const { latitude, longitude } = input.coordinates!;
  return {
    location: { commune: null, communeName: null, department: input.department },
    circle: `${latitude},${longitude} 0`,
  };
}
