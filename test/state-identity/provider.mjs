// A real OpenID Connect provider (oidc-provider) on loopback for the State sign-in tests, started
// by test/state-identity/test-provider.ts. oidc-provider ships ES modules only, which Jest's
// CommonJS loader cannot run, so it runs as its own Node process, like the services under test.
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.VIGIE_TEST_OIDC_SETTINGS ?? '{}');
const accounts = settings.accounts ?? {};

const provider = new Provider(settings.issuer, {
  clients: settings.clients,
  jwks: { keys: [settings.signingKey] },
  cookies: { keys: [settings.cookieKey] },
  // Every client must use PKCE (S256), as the State's federation requires.
  pkce: { required: () => true },
  scopes: ['openid', 'email'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  // As ProConnect does: the e-mail address is not in the ID token but in the userinfo answer,
  // signed for the clients that ask for it (userinfo_signed_response_alg).
  features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
});

// The development pages import a web font from the Internet: the tests reach loopback only.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string') ctx.body = ctx.body.replace(/@import url\(https?:[^)]*\);?/g, '');
});

const server = provider.listen(settings.port, '127.0.0.1');
server.on('listening', () => console.log(`test OpenID provider at ${settings.issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
