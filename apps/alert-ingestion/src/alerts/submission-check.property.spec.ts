import fc from 'fast-check';
import { compiledBodyCheck, strictValidationPipe } from '@vigie/platform';
import { SubmitAlertDto } from './dto/submit-alert.dto';

/*
 * The compiled check of an alert submission against the validation pipe it stands in for: on
 * bodies damaged in every way the rules care about, whatever the check accepts the pipe accepts
 * too and turns into the same value.
 */

const compiled = compiledBodyCheck(SubmitAlertDto);
const pipe = strictValidationPipe();

async function pipeVerdict(body: unknown): Promise<{ accepted: true; value: unknown } | { accepted: false }> {
  try {
    const value = await pipe.transform(structuredClone(body), { type: 'body', metatype: SubmitAlertDto });
    return { accepted: true, value: JSON.parse(JSON.stringify(value)) as unknown };
  } catch {
    return { accepted: false };
  }
}

const UUID = '5f0c7a4e-2b1d-4e8a-9c3f-7d6e5b4a3c21';

/** A body using every rule of the class once. */
const FULL = {
  status: 'Actual',
  msgType: 'Alert',
  references: ['vigie:organisation:x,GRA-1,2026-11-28T01:14:05+01:00'],
  scope: 'Restricted',
  identifier: 'GRA-2026-11-28-0042',
  tlp: 'AMBER',
  personalData: false,
  addresses: [UUID],
  siteId: UUID,
  note: 'note',
  incidents: ['GRA-INC-7781'],
  occurredAt: '2026-11-28T01:12:00+01:00',
  location: {
    commune: '69123',
    postalCode: '69002',
    coordinates: { latitude: 45.744, longitude: 4.818 },
    department: '69',
  },
  info: [
    {
      language: 'fr-FR',
      category: ['Security'],
      eventCode: 'intrusion',
      event: 'Intrusion',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      headline: 'Intrusion en cours',
      description: 'Deux individus',
      instruction: 'Ne pas intervenir',
      responseType: ['Monitor'],
      audience: 'forces',
      effective: '2026-11-28T01:12:00Z',
      onset: '2026-11-28',
      expires: '2026-11-28T03:12:00.123+01:00',
      senderName: 'Centrale',
      web: 'https://example.org/',
      contact: 'centrale',
      eventCodes: [{ valueName: 'code', value: 'x' }],
      parameter: [{ valueName: 'p', value: '' }],
      resource: [
        { resourceDesc: 'Photo', mimeType: 'image/jpeg', size: 48213, uri: 'https://example.org/a.jpg', digest: 'd' },
      ],
      area: [
        {
          areaDesc: 'Entrepôt',
          polygon: [],
          circle: ['45.7440,4.8180 0.2'],
          geocode: [{ valueName: 'INSEE', value: '69123' }],
        },
      ],
    },
  ],
};

/** What the bench and most partners send. */
const MINIMAL = {
  status: 'Actual',
  location: { commune: '69123' },
  info: [
    {
      category: ['Security'],
      eventCode: 'intrusion',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      headline: 'Intrusion',
    },
  ],
};

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])])];
}

const astral = (n: number): string => '😀'.repeat(n);
/** Values near each rule's edge: lengths, code units, numbers, formats, codes, types. */
const EDGES: unknown[] = [
  null,
  '',
  ' ',
  'x',
  0,
  -0,
  1,
  -1,
  0.5,
  1e21,
  1e-7,
  90,
  90.0000001,
  -90,
  180,
  180.5,
  '45.5',
  true,
  [],
  {},
  [''],
  [1],
  [null],
  'x'.repeat(35),
  'x'.repeat(36),
  'x'.repeat(160),
  'x'.repeat(161),
  'x'.repeat(200),
  'x'.repeat(201),
  astral(18),
  astral(80),
  astral(81),
  astral(100),
  astral(101),
  'é️'.repeat(100),
  'a\uFE0F'.repeat(100),
  UUID,
  UUID.toUpperCase(),
  `urn:uuid:${UUID}`,
  '00000000-0000-0000-0000-000000000000',
  `${UUID} `,
  '5f0c7a4e2b1d4e8a9c3f7d6e5b4a3c21',
  '2026-11-28T01:12:00+01:00',
  '2026-11-28',
  '2026-11-28t01:12:00z',
  '2026-02-30T00:00:00Z',
  '2026-11-28T24:00:00Z',
  '2026-11-28T23:59:60Z',
  '2026-W48',
  '20261128T011200Z',
  '2026-11-28 01:12',
  '2026-11-28T01:12',
  '69123',
  '2A004',
  '2a004',
  '6912',
  '69123\n',
  '69',
  '2A',
  '975',
  '20',
  '00',
  'a,b',
  'a b',
  'a<b',
  'a&b',
  'Actual',
  'Cancel',
  'Update',
  'Alert',
  'Ack',
  'RED',
  'CLEAR',
  'amber',
  'Security',
  'intrusion',
  ['Security'],
  ['Security', 'Other'],
  ['Bogus'],
  [UUID, UUID],
  Array.from({ length: 51 }, () => UUID),
  Array.from({ length: 11 }, () => MINIMAL.info[0]),
  { latitude: 45, longitude: 4 },
  { latitude: '45', longitude: '4' },
  { valueName: 'v', value: 'w' },
  { valueName: '', value: 'w' },
  { __proto__: null, constructor: 1 },
];

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('set', 'delete', 'add'),
  value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EDGES) }, { weight: 1, arbitrary: fc.jsonValue() }),
  key: fc.constantFrom('extra', 'constructor', '__proto__', 'status', 'latitude', 'msgType', 'info', 'location'),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** `base` with each mutation applied to one of its nodes, picked among those it has then. */
function mutated(base: object, mutations: readonly Mutation[]): unknown {
  const body = structuredClone(base) as Record<string | number, unknown>;
  for (const change of mutations) {
    const paths = pathsOf(body);
    const path = paths[change.pick % paths.length];
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, body);
    const target = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], body);
    if (change.op === 'add' && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, change.key, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (path.length > 0 && change.op === 'delete' && !Array.isArray(parent)) {
      delete parent[path[path.length - 1]];
    } else if (path.length > 0) {
      parent[path[path.length - 1]] = structuredClone(change.value);
    }
  }
  return body;
}

describe('the compiled check of an alert submission', () => {
  it('accepts the bodies partners send, so they take the compiled path', async () => {
    for (const body of [FULL, MINIMAL]) {
      expect(compiled(body)).toBe(true);
      expect(await pipeVerdict(body)).toEqual({ accepted: true, value: body });
    }
  });

  it('refuses what the pipe lets through only by leniency, and the pipe still decides it', async () => {
    const { location: _location, info: _info, ...bare } = MINIMAL;
    const lenient = [
      { ...MINIMAL, tlp: null },
      { ...bare, msgType: 'Cancel', references: ['a,b,c'], note: 'fausse alerte' },
      { ...MINIMAL, location: { coordinates: { latitude: '45.7', longitude: 4.8 }, department: '69' } },
    ];
    for (const body of lenient) {
      expect(compiled(body)).toBe(false);
      expect((await pipeVerdict(body)).accepted).toBe(true);
    }
  });

  it('never accepts what the pipe refuses, nor a value the pipe would change', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<object>(FULL, MINIMAL),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (base, mutations) => {
          const body = mutated(base, mutations);
          if (!compiled(body)) {
            refused += 1;
            return;
          }
          accepted += 1;
          expect(await pipeVerdict(body)).toEqual({ accepted: true, value: JSON.parse(JSON.stringify(body)) });
        },
      ),
      { numRuns: 4000 },
    );
    // Both sides of the property were explored.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});
