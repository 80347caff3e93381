import { outcomeOfRegistryRefusal, refusalOf } from './state-sign-in.model';

describe('the State sign-in outcomes', () => {
  it.each([
    [404, 'no_account', 'no-account'],
    [403, 'not_state_organisation', 'not-state'],
    [401, 'unauthenticated', 'not-opened'],
    [400, 'invalid_request', 'not-opened'],
    [404, 'not_configured', null],
    [503, 'identity_provider_unavailable', null],
    [500, undefined, null],
  ])('a registry answer %d %s is %p', (status, code, outcome) => {
    expect(outcomeOfRegistryRefusal(status, code)).toBe(outcome);
  });

  it('tells a person without an account that nobody is created for them, in French', () => {
    const page = refusalOf('no-account');
    expect(page.status).toBe(404);
    expect(page.message).toMatch(/^Aucun compte Vigie n’est associé à cette identité/);
  });

  it('sends a partner to their password', () => {
    expect(refusalOf('not-state')).toMatchObject({ status: 403 });
    expect(refusalOf('not-state').message).toContain('mot de passe');
  });
});
