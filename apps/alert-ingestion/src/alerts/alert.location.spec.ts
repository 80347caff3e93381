import { Geography } from '@vigie/geo';
import { resolveLocation } from './alert.location';

const geo = Geography.official();

describe('resolveLocation', () => {
  it('resolves a commune, and a postal code serving one commune', () => {
    expect(resolveLocation({ commune: '69123' }, geo)).toEqual({
      location: { commune: '69123', communeName: 'Lyon', department: '69' },
    });
    expect(resolveLocation({ postalCode: '69002' }, geo)).toEqual({
      location: { commune: '69123', communeName: 'Lyon', department: '69' },
    });
  });

  it('takes coordinates with their département', () => {
    expect(resolveLocation({ coordinates: { latitude: 41.92, longitude: 8.74 }, department: '2A' }, geo)).toEqual({
      location: { commune: null, communeName: null, department: '2A' },
      circle: '41.92,8.74 0',
    });
  });

  it('lists the candidate communes of an ambiguous postal code', () => {
    const result = resolveLocation({ postalCode: '01400' }, geo);
    expect(result).toEqual({
      problems: [{ field: 'location.postalCode', problems: [expect.stringContaining('01001 ')] }],
    });
  });

  it.each([
    [{}, 'location'],
    [{ commune: '69123', postalCode: '69002' }, 'location'],
    [{ commune: '99999' }, 'location.commune'],
    [{ postalCode: '00000' }, 'location.postalCode'],
    [{ coordinates: { latitude: 45, longitude: 4 } }, 'location.department'],
    [{ coordinates: { latitude: 45, longitude: 4 }, department: '20' }, 'location.department'],
  ])('refuses %p on %s', (input, field) => {
    expect(resolveLocation(input, geo)).toEqual({ problems: [expect.objectContaining({ field })] });
  });
});
