import { loadConfig } from './config';

const provider = {
  OIDC_ISSUER_URL: 'https://identite.example.gouv.fr/api/v2',
  OIDC_CLIENT_ID: 'vigie-console',
  OIDC_CLIENT_SECRET: 'a-secret',
};

describe('the console configuration of State sign-in', () => {
  it('is off unless configured', () => {
    expect(loadConfig({}).stateSignIn).toBeNull();
  });

  it('comes back to the public URL by default, and asks for the e-mail address', () => {
    const config = loadConfig({ ...provider, CONSOLE_PUBLIC_URL: 'https://vigie.interieur.gouv.fr/' });
    expect(config.stateSignIn).toEqual({
      issuer: 'https://identite.example.gouv.fr/api/v2',
      clientId: 'vigie-console',
      clientSecret: 'a-secret',
      redirectUri: 'https://vigie.interieur.gouv.fr/connexion/etat/retour',
      scopes: 'openid email',
      plainHttp: false,
    });
  });

  it('takes the redirect URI registered at the provider when given', () => {
    const config = loadConfig({ ...provider, OIDC_REDIRECT_URI: 'https://vigie.example/connexion/etat/retour' });
    expect(config.stateSignIn?.redirectUri).toBe('https://vigie.example/connexion/etat/retour');
  });

  it('refuses half a configuration', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: provider.OIDC_ISSUER_URL, OIDC_CLIENT_ID: 'vigie-console' })).toThrow(
      /go together/,
    );
  });

  it('allows plain http to a provider on loopback only', () => {
    expect(loadConfig({ ...provider, OIDC_ISSUER_URL: 'http://127.0.0.1:13901' }).stateSignIn?.plainHttp).toBe(true);
    expect(() => loadConfig({ ...provider, OIDC_ISSUER_URL: 'http://identite.example.fr' })).toThrow(/https/);
  });

  it('refuses scopes without openid', () => {
    expect(() => loadConfig({ ...provider, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES/);
  });
});
