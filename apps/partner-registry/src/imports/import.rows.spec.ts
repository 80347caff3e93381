import { DomainError } from '@vigie/platform';
import { MAX_IMPORT_ROWS, checkRowCount, naturalKey, parseCsv, parseJsonRows, validateRows } from './import.rows';

const FIRM = {
  kind: 'SECURITY_FIRM',
  name: 'Gardiennage Rhône SAS',
  departments: ['69'],
  siret: '73282932000074',
  cnapsNumber: 'AUT-069-2118-05-23-20190371234',
  conventions: ['private-security-2019'],
};

function fileProblem(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details;
  }
  throw new Error('expected the file to be refused');
}

describe('import rows', () => {
  it('reads a CSV file with lists in cells and numbers rows by their line', () => {
    const rows = parseCsv(
      '\uFEFFkind,name,departments,siret,cnapsNumber,conventions,subscriptionDepartments\n' +
        'SECURITY_FIRM,"Gardiennage, Rhône",69|01,73282932000074,AUT-069-2118-05-23-20190371234,private-security-2019,69\n' +
        '\n' +
        'JEWELLER,Hyper Lyon,69,,,,\n',
    );
    expect(rows).toEqual([
      {
        row: 2,
        raw: {
          kind: 'SECURITY_FIRM',
          name: 'Gardiennage, Rhône',
          departments: ['69', '01'],
          siret: '73282932000074',
          cnapsNumber: 'AUT-069-2118-05-23-20190371234',
          conventions: ['private-security-2019'],
          subscriptionDepartments: ['69'],
        },
      },
      { row: 4, raw: { kind: 'JEWELLER', name: 'Hyper Lyon', departments: ['69'] } },
    ]);
  });

  it('takes ";" as the delimiter when the header uses it', () => {
    expect(parseCsv('kind;name;departments\nJEWELLER;Hyper Lyon;69|01\n')[0].raw).toEqual({
      kind: 'JEWELLER',
      name: 'Hyper Lyon',
      departments: ['69', '01'],
    });
  });

  it('refuses a malformed CSV file, an empty one, a JSON body that is no list of rows, and too many rows', () => {
    expect(fileProblem(() => parseCsv('kind,name\n"unterminated,x\n'))).toEqual([
      { field: 'file', problems: [expect.stringContaining('the CSV file cannot be read')] },
    ]);
    expect(fileProblem(() => parseCsv('kind,name,departments\n'))).toEqual([
      { field: 'file', problems: ['the file holds no row'] },
    ]);
    expect(fileProblem(() => parseJsonRows({ rows: 'none' }))).toEqual([
      { field: 'file', problems: ['send an array of rows, or an object whose "rows" is one'] },
    ]);
    expect(fileProblem(() => parseJsonRows({ organisations: [] }))).toEqual([
      { field: 'organisations', problems: ['property organisations should not exist'] },
    ]);
    expect(() => checkRowCount(MAX_IMPORT_ROWS)).not.toThrow();
    expect(fileProblem(() => checkRowCount(MAX_IMPORT_ROWS + 1))).toEqual([
      { field: 'file', problems: [`a file may hold at most ${MAX_IMPORT_ROWS} rows (${MAX_IMPORT_ROWS + 1} sent)`] },
    ]);
  });

  it('accepts a valid row with the rules of the single-organisation routes, and its subscription', () => {
    const { valid, refused } = validateRows(parseJsonRows([{ ...FIRM, minimumSeverity: 'Moderate' }]));
    expect(refused).toEqual([]);
    expect(valid).toEqual([
      expect.objectContaining({
        row: 1,
        sector: 'PRIVATE_SECURITY',
        conventions: ['private-security-2019'],
        subscription: expect.objectContaining({ departments: ['69'], minimumSeverity: 'Moderate' }),
      }),
    ]);
  });

  it('reports every problem of a refused row with its field, an English code and a French message', () => {
    const { valid, refused } = validateRows(
      parseJsonRows([
        { ...FIRM, siret: '73282932000075', colour: 'blue' },
        { kind: 'SECURITY_FIRM', departments: ['ZZ'] },
        { ...FIRM, minimumSeverity: 'Apocalyptic' },
        'not an object',
      ]),
    );
    expect(valid).toEqual([]);
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'colour', code: 'unknown_column' }),
        { row: 2, field: 'name', code: 'missing_value', message: 'Le champ « name » est obligatoire.' },
        expect.objectContaining({ row: 2, field: 'departments', code: 'invalid_value' }),
        expect.objectContaining({ row: 3, field: 'minimumSeverity', code: 'invalid_value' }),
        expect.objectContaining({ row: 4, code: 'missing_value' }),
      ]),
    );
    // The organisation's own checks (SIRET checksum) run once the DTO passes.
    const checksum = validateRows(parseJsonRows([{ ...FIRM, siret: '73282932000075' }])).refused;
    expect(checksum).toEqual([
      {
        row: 1,
        field: 'siret',
        code: 'invalid_value',
        message: 'La valeur du champ « siret » n’est pas valide.',
        detail: 'siret must be 14 digits with a valid checksum',
      },
    ]);
  });

  it('refuses a second row with the natural key of an earlier one', () => {
    const { valid, refused } = validateRows(
      parseJsonRows([
        FIRM,
        { ...FIRM, name: 'Another name' },
        { kind: 'JEWELLER', name: 'Hyper', departments: ['69'] },
      ]),
    );
    expect(valid.map((row) => row.row)).toEqual([1, 3]);
    expect(refused).toEqual([expect.objectContaining({ row: 2, field: 'siret', code: 'duplicate_in_file' })]);
  });

  it('keys an organisation on its SIRET, else on its kind and name', () => {
    expect(naturalKey({ kind: FIRM.kind as never, name: 'x', siret: FIRM.siret })).toBe('siret:73282932000074');
    expect(naturalKey({ kind: 'JEWELLER' as never, name: 'Hyper' })).toBe('name:JEWELLER:Hyper');
  });
});
