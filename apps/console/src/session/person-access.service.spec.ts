import type { RegistryClient, SignedInPerson } from '../clients/registry.client';
import { ServiceCallError } from '../clients/service-call';
import type { ConsoleSession } from './console-session.store';
import { PersonAccess } from './person-access.service';
import { SignInRequired } from './session.errors';

const person = { id: 'p', fullName: 'Camille Durand' } as SignedInPerson;

function session(expiresInMs: number): ConsoleSession {
  return {
    id: 's',
    csrfToken: 'c',
    createdAt: Date.now(),
    signedIn: { person, sessionToken: 'vgs_x', accessToken: 'old', accessTokenExpiresAt: Date.now() + expiresInMs },
  };
}

describe('the person access token', () => {
  it('is used as is while it has more than 30 s left', async () => {
    const refreshSession = jest.fn();
    const access = new PersonAccess({ refreshSession } as unknown as RegistryClient);
    await expect(access.bearer(session(120_000), null)).resolves.toBe('old');
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it('is refreshed once for concurrent requests when it is about to expire', async () => {
    const refreshSession = jest.fn(async () => ({
      accessToken: 'new',
      accessTokenExpiresAt: new Date(Date.now() + 300_000).toISOString(),
      person,
    }));
    const access = new PersonAccess({ refreshSession } as unknown as RegistryClient);
    const expiring = session(10_000);
    const tokens = await Promise.all([
      access.bearer(expiring, null),
      access.bearer(expiring, null),
      access.bearer(expiring, null),
    ]);
    expect(tokens).toEqual(['new', 'new', 'new']);
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(refreshSession).toHaveBeenCalledWith('vgs_x');
  });

  it('ends the console session when the registry ended it (idle, expired, revoked, disabled)', async () => {
    const refreshSession = jest.fn(async () => {
      throw new ServiceCallError('partner-registry', 401, { error: 'unauthenticated' });
    });
    const access = new PersonAccess({ refreshSession } as unknown as RegistryClient);
    const ended = session(0);
    await expect(access.bearer(ended, '/alertes')).rejects.toEqual(new SignInRequired('/alertes'));
    expect(ended.signedIn).toBeNull();
  });

  it('keeps the session through a registry outage (a 503 is an error page, not a sign-out)', async () => {
    const refreshSession = jest.fn(async () => {
      throw new ServiceCallError('partner-registry', 503, null);
    });
    const access = new PersonAccess({ refreshSession } as unknown as RegistryClient);
    const kept = session(0);
    await expect(access.bearer(kept, null)).rejects.toBeInstanceOf(ServiceCallError);
    expect(kept.signedIn).not.toBeNull();
  });

  it('asks for sign-in when nobody is signed in', async () => {
    const access = new PersonAccess({} as RegistryClient);
    await expect(
      access.bearer({ id: 's', csrfToken: 'c', createdAt: 0, signedIn: null }, '/sites'),
    ).rejects.toBeInstanceOf(SignInRequired);
  });
});
