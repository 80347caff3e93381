import { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { ForbiddenError, UnauthenticatedError } from '@vigie/platform';
import { issueApiKey, parseApiKey } from './api-key';
import { authenticateKey, type StoredKeyRow } from './key-check';

describe('authenticateKey', () => {
  const issued = issueApiKey();
  const { id, secret } = parseApiKey(issued.token)!;
  const row = (changes: Partial<StoredKeyRow> = {}): StoredKeyRow => ({
    secret_hash: issued.secretHash,
    revoked_at: null,
    organisation_id: 'org-1',
    kind: OrganisationKind.SecurityFirm,
    status: OrganisationStatus.Active,
    departments: ['69'],
    ...changes,
  });

  it('returns the caller for a known key of an active organisation', () => {
    expect(authenticateKey(row(), id, secret)).toEqual({
      organisationId: 'org-1',
      kind: OrganisationKind.SecurityFirm,
      departments: ['69'],
      isAdmin: false,
      keyId: id,
    });
  });

  it.each([
    ['an unknown key', undefined, secret, UnauthenticatedError, 'unknown API key'],
    [
      'a wrong secret',
      row(),
      secret.replace(/^./, (c) => (c === 'x' ? 'y' : 'x')),
      UnauthenticatedError,
      'unknown API key',
    ],
    ['a revoked key', row({ revoked_at: new Date() }), secret, UnauthenticatedError, 'API key revoked'],
    [
      'a pending organisation',
      row({ status: OrganisationStatus.Pending }),
      secret,
      ForbiddenError,
      'organisation is pending',
    ],
    [
      'a suspended organisation',
      row({ status: OrganisationStatus.Suspended }),
      secret,
      ForbiddenError,
      'organisation is suspended',
    ],
    [
      'a revoked organisation',
      row({ status: OrganisationStatus.Revoked }),
      secret,
      ForbiddenError,
      'organisation is revoked',
    ],
  ])('refuses %s', (_, stored, presented, type, message) => {
    expect(() => authenticateKey(stored, id, presented)).toThrow(type);
    expect(() => authenticateKey(stored, id, presented)).toThrow(message);
  });
});
