import { ApiKeyRole, OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { ForbiddenError, UnauthenticatedError } from '@vigie/platform';
import { VerifiedSecrets, issueApiKey, parseApiKey, type IssuedApiKey } from './api-key';
import { authenticateKey, type StoredKeyRow } from './key-check';

describe('authenticateKey', () => {
  let issued: IssuedApiKey;
  let id: string;
  let secret: string;
  const verified = new VerifiedSecrets();
  beforeAll(async () => {
    issued = await issueApiKey();
    ({ id, secret } = parseApiKey(issued.token)!);
  });
  const row = (changes: Partial<StoredKeyRow> = {}): StoredKeyRow => ({
    secret_hash: issued.secretHash,
    roles: [ApiKeyRole.Publisher],
    expires_at: null,
    revoked_at: null,
    organisation_id: 'org-1',
    kind: OrganisationKind.SecurityFirm,
    status: OrganisationStatus.Active,
    departments: ['69'],
    ...changes,
  });

  it('returns the caller for a known key of an active organisation', async () => {
    expect(await authenticateKey(row(), { keyId: id, secret }, verified)).toEqual({
      organisationId: 'org-1',
      kind: OrganisationKind.SecurityFirm,
      departments: ['69'],
      roles: [ApiKeyRole.Publisher],
      isAdmin: false,
      keyId: id,
    });
    const admin = await authenticateKey(row({ roles: [ApiKeyRole.Admin] }), { keyId: id, secret }, verified);
    expect(admin.isAdmin).toBe(true);
  });

  it('refuses a remembered key as soon as its row says revoked, without hashing again', async () => {
    let hashes = 0;
    const counting = new VerifiedSecrets(undefined, async (presented, stored) => {
      hashes++;
      return verified.matches(presented, stored);
    });
    await authenticateKey(row(), { keyId: id, secret }, counting);
    const revoked = authenticateKey(row({ revoked_at: new Date() }), { keyId: id, secret }, counting);
    await expect(revoked).rejects.toThrow('API key revoked');
    expect(hashes).toBe(1);
  });

  /** A refusal: what is stored, how the presented secret differs from the issued one, what is thrown. */
  type Refusal = [
    string,
    () => StoredKeyRow | undefined,
    (s: string) => string,
    typeof UnauthenticatedError | typeof ForbiddenError,
    string,
  ];

  it.each<Refusal>([
    ['an unknown key', () => undefined, (s: string) => s, UnauthenticatedError, 'unknown API key'],
    [
      'a wrong secret',
      () => row(),
      (s: string) => s.replace(/^./, (c) => (c === 'x' ? 'y' : 'x')),
      UnauthenticatedError,
      'unknown API key',
    ],
    ['a revoked key', () => row({ revoked_at: new Date() }), (s: string) => s, UnauthenticatedError, 'API key revoked'],
    [
      'an expired key',
      () => row({ expires_at: new Date(Date.now() - 1000) }),
      (s: string) => s,
      UnauthenticatedError,
      'API key expired',
    ],
    ...[OrganisationStatus.Pending, OrganisationStatus.Suspended, OrganisationStatus.Revoked].map((status): Refusal => [
      `a ${status.toLowerCase()} organisation`,
      () => row({ status }),
      (s: string) => s,
      ForbiddenError,
      `organisation is ${status.toLowerCase()}`,
    ]),
  ])('refuses %s', async (_, stored, presented, type, message) => {
    const attempt = authenticateKey(stored(), { keyId: id, secret: presented(secret) }, verified);
    await expect(attempt).rejects.toThrow(type);
    await expect(authenticateKey(stored(), { keyId: id, secret: presented(secret) }, verified)).rejects.toThrow(
      message,
    );
  });
});
