import {
  deliveryLines,
  deliveryProblem,
  keyPrefix,
  readInvitation,
  readKey,
  readPersonChange,
  readSubscription,
} from './organisation.model';

describe('a delivery’s last error in words', () => {
  it.each([
    [null, null],
    ['HTTP 503', 'Votre serveur a répondu par une erreur (HTTP 503).'],
    ['HTTP 404', 'Votre serveur ne connaît pas cette adresse (HTTP 404).'],
    ['HTTP 401', 'Votre serveur a refusé l’envoi (HTTP 401) : vérifiez qu’il accepte la signature de Vigie.'],
    [
      'HTTP 301 (redirects are not followed)',
      'Votre serveur redirige vers une autre adresse (HTTP 301) : Vigie ne suit pas les redirections.',
    ],
    [
      'HTTP 410: the endpoint is gone, webhook disabled',
      'Votre serveur indique que l’adresse n’existe plus (HTTP 410) : le webhook a été désactivé.',
    ],
    [
      'HTTP 500 (gave up after 8 attempts)',
      'Votre serveur a répondu par une erreur (HTTP 500). Abandon après 8 essais.',
    ],
    ['connect ECONNREFUSED 127.0.0.1:9', 'Votre serveur a refusé la connexion.'],
    [
      'getaddrinfo ENOTFOUND alarms.example (gave up after 2 attempts)',
      'Le nom du serveur est introuvable. Abandon après 2 essais.',
    ],
    ['The operation was aborted due to timeout', 'Votre serveur n’a pas répondu à temps.'],
    ['something new', 'Échec de l’envoi (something new).'],
  ])('%p', (lastError, words) => {
    expect(deliveryProblem(lastError)).toBe(words);
  });
});

describe('delivery lines', () => {
  const webhooks = [
    { id: 'w-on', url: 'https://on.example/hook', disabledAt: null },
    { id: 'w-off', url: 'https://off.example/hook', disabledAt: '2026-12-04T10:00:00.000Z' },
  ];
  type Line = Parameters<typeof deliveryLines>[0][number];
  const delivery = (id: string, fields: Partial<Line>): Line => ({
    id,
    createdAt: '2026-12-04T09:00:00.000Z',
    channel: 'webhook',
    webhookId: 'w-on',
    status: 'dead',
    attempts: 3,
    lastError: 'HTTP 503 (gave up after 3 attempts)',
    ...fields,
  });

  it('lists the newest first, and offers "send again" only for a dead delivery to an enabled webhook', () => {
    const lines = deliveryLines(
      [
        delivery('dead-on', {}),
        delivery('failing-on', { status: 'failed', createdAt: '2026-12-04T11:00:00.000Z', lastError: 'HTTP 503' }),
        delivery('dead-off', { webhookId: 'w-off', createdAt: '2026-12-04T10:00:00.000Z' }),
        delivery('dead-mail', { channel: 'email', webhookId: null, createdAt: '2026-12-04T08:00:00.000Z' }),
      ],
      webhooks,
    );
    expect(lines.map((line) => [line.id, line.target, line.redeliverAction])).toEqual([
      ['failing-on', 'https://on.example/hook', null],
      ['dead-off', 'https://off.example/hook', null],
      ['dead-on', 'https://on.example/hook', '/mon-organisation/webhooks/w-on/livraisons/dead-on/renvoi'],
      ['dead-mail', 'référent de l’organisation', null],
    ]);
    expect(lines[2].problem).toBe('Votre serveur a répondu par une erreur (HTTP 503). Abandon après 3 essais.');
  });
});

describe('the forms of "Mon organisation"', () => {
  it('invites with a name, an e-mail address and one of the two roles an organisation gives', () => {
    expect(readInvitation({ fullName: ' Ana ', email: 'ana@forez.fr', role: 'DUTY_OFFICER' })).toEqual({
      form: { fullName: 'Ana', email: 'ana@forez.fr', role: 'DUTY_OFFICER' },
      problems: [],
    });
    expect(readInvitation({ fullName: '', email: 'pas-une-adresse', role: 'NATIONAL_ANALYST' }).problems).toHaveLength(
      3,
    );
  });

  it('creates a key with a name and known roles only (never admin)', () => {
    expect(readKey({ label: 'Centrale', roles: ['publisher', 'admin'] })).toEqual({
      form: { label: 'Centrale', roles: ['publisher'] },
      problems: [],
    });
    expect(readKey({ label: '', roles: 'admin' }).problems).toHaveLength(2);
  });

  it('subscribes within the organisation’s départements, to known events and sectors', () => {
    const read = readSubscription(
      {
        departments: ['42', '75'],
        eventCodes: ['intrusion', 'nope'],
        minimumSeverity: 'Severe',
        sectors: 'JEWELLERY',
        includeExercises: 'oui',
      },
      ['42', '69'],
    );
    expect(read).toEqual({
      form: {
        departments: ['42'],
        eventCodes: ['intrusion'],
        minimumSeverity: 'Severe',
        sectors: ['JEWELLERY'],
        includeExercises: true,
      },
      problems: [],
    });
    expect(readSubscription({ departments: '75', minimumSeverity: 'Worst' }, ['42'])).toEqual({
      form: { departments: [], eventCodes: [], minimumSeverity: 'Unknown', sectors: [], includeExercises: false },
      problems: ['Choisissez au moins un département.'],
    });
  });

  it('keeps at least one role when a person is changed', () => {
    expect(readPersonChange({ roles: ['ORGANISATION_ADMIN'], status: 'DISABLED' }).form).toEqual({
      roles: ['ORGANISATION_ADMIN'],
      status: 'DISABLED',
    });
    expect(readPersonChange({ status: 'ACTIVE' }).problems).toEqual(['Gardez au moins un rôle.']);
  });

  it('names a key by the public part of its id', () => {
    expect(keyPrefix('3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d')).toBe('vgk_3f0c9b52…');
  });
});
