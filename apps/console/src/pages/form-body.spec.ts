import { listField, localPath, textField } from './form-body';

describe('posted form fields', () => {
  it('trims and bounds text, ignores what is not text', () => {
    expect(textField({ a: '  x  ' }, 'a')).toBe('x');
    expect(textField({ a: 'abcdef' }, 'a', 3)).toBe('abc');
    expect(textField({ a: ['x'] }, 'a')).toBe('');
    expect(textField(undefined, 'a')).toBe('');
    expect(listField({ a: 'x' }, 'a')).toEqual(['x']);
    expect(listField({ a: ['x', 1] }, 'a')).toEqual(['x']);
  });

  it.each([
    ['/alertes/123?gravite=Severe', '/alertes/123?gravite=Severe'],
    ['//evil.example/', '/alertes'],
    ['/\\evil.example', '/alertes'],
    ['https://evil.example/', '/alertes'],
    ['javascript:alert(1)', '/alertes'],
    [undefined, '/alertes'],
  ])('sends %s back to %s after sign-in', (value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});
