import * as fs from 'node:fs';
import { capFixture } from '../../../../test/fixtures/cap';
import { capRefusal, problemsOf } from '../../../../test/fixtures/cap/refusal';

/** The reader's hardening: what an attacker's or a broken tool's body gets, before and while parsing. */
const minimal = capFixture('minimal');

describe('parseCapXml: unsafe or malformed XML', () => {
  it('refuses a DOCTYPE with an entity expansion before parsing anything', () => {
    const started = Date.now();
    const error = capRefusal(capFixture('entity-expansion'));
    expect(error.message).toBe('DOCTYPE and ENTITY declarations are refused');
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('refuses an external entity without reading any file', () => {
    const reads = [
      jest.spyOn(fs, 'readFileSync'),
      jest.spyOn(fs, 'openSync'),
      jest.spyOn(fs, 'readFile'),
      jest.spyOn(fs, 'open'),
      jest.spyOn(fs, 'createReadStream'),
      jest.spyOn(fs.promises, 'readFile'),
      jest.spyOn(fs.promises, 'open'),
    ];
    const document = capFixture('external-entity');
    reads.forEach((spy) => spy.mockClear());
    try {
      const error = capRefusal(document);
      expect(error.message).toBe('DOCTYPE and ENTITY declarations are refused');
      expect(JSON.stringify(error.details)).not.toMatch(/root:/);
      reads.forEach((spy) => expect(spy).not.toHaveBeenCalled());
    } finally {
      reads.forEach((spy) => spy.mockRestore());
    }
  });

  it.each([
    ['lower-case doctype', '<!doctype alert>'],
    ['a lone ENTITY declaration', '<!ENTITY x "y">'],
  ])('refuses %s', (_, declaration) => {
    expect(capRefusal(minimal.replace('<alert ', `${declaration}<alert `)).message).toBe(
      'DOCTYPE and ENTITY declarations are refused',
    );
  });

  it('refuses references to undeclared entities, bare ampersands and forbidden characters', () => {
    const at = (note: string) =>
      minimal.replace('<scope>Restricted</scope>', `<scope>Restricted</scope><note>${note}</note>`);
    expect(problemsOf(capRefusal(at('&xxe;'))).note[0]).toMatch(/&xxe; is not defined/);
    expect(capRefusal(at('fish & chips')).message).toBe('not well-formed XML');
    expect(problemsOf(capRefusal(at('&#0;'))).note[0]).toMatch(/not a character XML allows/);
  });

  describe('bodies built to be slow, at the 256 KiB limit', () => {
    const size = 256 * 1024;
    const open = '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">';
    it.each([
      ['unclosed CDATA sections', '<![CDATA['.repeat(size / 9)],
      ['unclosed tags', '<a'.repeat(size / 2)],
      ['attributes without end', `<alert ${'a '.repeat(size / 2)}`],
      ['character references', `${open}<note>${'&amp;'.repeat(size / 5)}</note></alert>`],
      [
        'thousands of empty info blocks',
        `${open}${'<info><area><areaDesc>a</areaDesc></area></info>'.repeat(size / 48)}</alert>`,
      ],
      ['thousands of unknown elements', `${open}${'<x/>'.repeat(size / 4)}</alert>`],
    ])('refuses %s with a bounded list of problems', (_, document) => {
      const error = capRefusal(document);
      expect((error.details as unknown[]).length).toBeLessThanOrEqual(101);
    });
  });

  it.each([
    ['an empty body', ''],
    ['blank text', '  \n '],
    ['no text at all', undefined],
    ['an object', { alert: {} }],
    ['plain text', 'hello'],
    ['JSON', '{"status":"Actual"}'],
    ['an unclosed element', '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>'],
    ['two roots', `${minimal}<alert/>`],
    ['a reserved JavaScript name', minimal.replace('<scope>', '<constructor>x</constructor><scope>')],
    ['nesting beyond reason', minimal.replace('<scope>', `${'<x>'.repeat(200)}${'</x>'.repeat(200)}<scope>`)],
  ])('answers 400 to %s', (_, document) => {
    capRefusal(document);
  });
});
