import { csvCell, csvDocument } from './csv';

describe('CSV cells', () => {
  it.each([
    ['plain text', 'Forez Sécurité', 'Forez Sécurité'],
    ['a formula with =', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a formula with +', '+1+2', "'+1+2"],
    ['a formula with -', '-2+3', "'-2+3"],
    ['a formula with @', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['the separator', 'A; B', '"A; B"'],
    ['quotes', 'dit "bonjour"', '"dit ""bonjour"""'],
    ['a line break', 'ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['a phone number is neutralised by default', '+33 4 77 00 00 00', "'+33 4 77 00 00 00"],
  ])('%s', (_case, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('keeps signed numbers as they are when asked (phone numbers), never a formula', () => {
    expect(csvCell('+33 4 77 00 00 00', { keepNumbers: true })).toBe('+33 4 77 00 00 00');
    expect(csvCell('+33+cmd|calc', { keepNumbers: true })).toBe("'+33+cmd|calc");
  });

  it('writes a document French spreadsheets open: BOM, semicolons, CRLF', () => {
    expect(csvDocument(['a', 'b'], [['1', '=2']])).toBe("\uFEFFa;b\r\n1;'=2\r\n");
  });
});
