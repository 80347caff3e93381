import { randomUUID } from 'node:crypto';
import { issueApiKey, parseApiKey, PartnerDirectory } from '@vigie/access';
import { ApiKeyRole, OrganisationKind, OrganisationStatus, type PartnerChangedV1Payload } from '@vigie/contracts';
import { waitFor } from '@vigie/testing';
import { INGESTION_TABLES } from '../../apps/alert-ingestion/src/tables';
import { cutListener, ownSchema } from './own-schema';

/**
 * The directory every service but the registry authenticates against, on the real PostgreSQL:
 * a known key is answered from memory, a change applied from partner.changed.v1 is heard by the
 * directory (NOTIFY at its commit) and forgets it, and a lost LISTEN connection stops the
 * remembering until it is back (ADR 56).
 */
describe('the partner directory on the real PostgreSQL', () => {
  const db = ownSchema('partner_directory', INGESTION_TABLES);
  const organisationId = randomUUID();
  let directory: PartnerDirectory;
  let revision = 0;

  const snapshot = (apiKeys: PartnerChangedV1Payload['apiKeys']): PartnerChangedV1Payload => ({
    organisationId,
    revision: ++revision,
    kind: OrganisationKind.SecurityFirm,
    name: 'Limoges Gardiennage',
    status: OrganisationStatus.Active,
    departments: ['87'],
    sector: null,
    apiKeys,
    conventions: [],
    subscriptions: [],
  });
  const apply = (payload: PartnerChangedV1Payload) =>
    db.dataSource.transaction((manager) => directory.apply(payload, manager));
  const keyState = (id: string, secretHash: string, revokedAt: string | null = null) => ({
    id,
    secretHash,
    roles: [ApiKeyRole.Publisher],
    expiresAt: null,
    revokedAt,
  });
  /** Resolves until the key's row is remembered (a read that raced a change is not kept). */
  const remembered = (id: string, secret: string) =>
    waitFor(
      async () => {
        await directory.resolve(id, secret);
        return directory.rememberedKeys === 1;
      },
      { what: 'the key remembered' },
    );
  const refused = (id: string, secret: string, what: string) =>
    waitFor(
      () =>
        directory.resolve(id, secret).then(
          () => false,
          (error: Error) => error.message,
        ),
      { what, timeoutMs: 10_000 },
    );

  beforeAll(async () => {
    directory = new PartnerDirectory(db.dataSource);
    await directory.onApplicationBootstrap();
  });
  afterAll(() => directory.onModuleDestroy());

  it('answers a known key from memory, and forgets it when a revocation is applied', async () => {
    const key = await issueApiKey();
    const { secret } = parseApiKey(key.token)!;
    await apply(snapshot([keyState(key.id, key.secretHash)]));
    await remembered(key.id, secret);

    // Changed behind the directory's back (no announcement): the remembered row still answers.
    await db.dataSource.query('UPDATE directory_api_keys SET revoked_at = now() WHERE id = $1', [key.id]);
    await expect(directory.resolve(key.id, secret)).resolves.toMatchObject({ organisationId });

    await apply(snapshot([keyState(key.id, key.secretHash, new Date().toISOString())]));
    expect(await refused(key.id, secret, 'the revocation heard')).toBe('API key revoked');
  });

  it('remembers nothing while its LISTEN connection is lost, and remembers again once it is back', async () => {
    const key = await issueApiKey();
    const { secret } = parseApiKey(key.token)!;
    await apply(snapshot([keyState(key.id, key.secretHash)]));
    await remembered(key.id, secret);

    await cutListener(db.dataSource, `${db.name}.directory`);
    await waitFor(() => !directory.hearsChanges, { what: 'the loss noticed' });
    // Changed behind its back while it hears nothing (it listens again a second later): seen at once.
    await db.dataSource.query('UPDATE directory_api_keys SET revoked_at = now() WHERE id = $1', [key.id]);
    await expect(directory.resolve(key.id, secret)).rejects.toThrow('API key revoked');

    await waitFor(() => directory.hearsChanges, { what: 'the directory listening again' });
    await db.dataSource.query('UPDATE directory_api_keys SET revoked_at = NULL WHERE id = $1', [key.id]);
    await remembered(key.id, secret);
  });
});
