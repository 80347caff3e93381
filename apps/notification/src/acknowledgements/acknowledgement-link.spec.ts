import { AcknowledgementLinks } from './acknowledgement-link';

const KEY = 'ab'.repeat(32);
const claim = {
  alertId: '01a21fd9-5809-7126-8d3e-71114f08de40',
  organisationId: '5b0e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  referentId: '7d2f1a0b-3c4e-4f5a-9b8c-1d2e3f4a5b6c',
};
const now = new Date('2026-01-10T10:00:00Z');

describe('acknowledgement links', () => {
  const links = new AcknowledgementLinks(KEY, { baseUrl: 'https://vigie.example.fr', ttlSeconds: 3600 });

  it('carries a token that opens to its claim', () => {
    const url = links.url(claim, now);
    expect(url).toMatch(/^https:\/\/vigie\.example\.fr\/v1\/acknowledgements\/a1\.[\w-]+\.[\w-]+$/);
    expect(links.verify(url.split('/').pop()!, now)).toEqual(claim);
  });

  it('expires', () => {
    const token = links.token(claim, now);
    expect(links.verify(token, new Date(now.getTime() + 3599_000))).toEqual(claim);
    expect(links.verify(token, new Date(now.getTime() + 3601_000))).toBeNull();
  });

  it('refuses a token signed with another key, or for another alert', () => {
    const other = new AcknowledgementLinks('cd'.repeat(32), { baseUrl: 'x', ttlSeconds: 3600 });
    expect(links.verify(other.token(claim, now), now)).toBeNull();
    const [version, , signature] = links.token(claim, now).split('.');
    const forged = Buffer.from(
      JSON.stringify({ a: claim.organisationId, o: claim.organisationId, r: claim.referentId, e: 9e9 }),
    ).toString('base64url');
    expect(links.verify(`${version}.${forged}.${signature}`, now)).toBeNull();
  });

  it.each(['', 'a1', 'a1..', 'a2.e30.x', 'a1.e30.x', 'not a token', `a1.${'A'.repeat(5000)}.x`])(
    'refuses the malformed token %p',
    (token) => {
      expect(links.verify(token, now)).toBeNull();
    },
  );
});
