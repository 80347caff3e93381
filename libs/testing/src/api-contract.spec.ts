import { ApiContract, type RecordedExchange } from './api-contract';

/** The oracle the e2e suite relies on must be able to say no. */
describe('ApiContract against docs/openapi.json', () => {
  const contract = new ApiContract();
  const problem = {
    type: 'urn:vigie:problem:not_found',
    title: 'Not found',
    status: 404,
    detail: 'alert x not found',
    instance: '/v1/alerts/x',
    error: 'not_found',
  };
  const answer = (overrides: Partial<RecordedExchange>): RecordedExchange => ({
    method: 'GET',
    url: 'http://127.0.0.1:3002/v1/alerts/0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f50',
    status: 404,
    contentType: 'application/problem+json; charset=utf-8',
    body: problem,
    ...overrides,
  });

  it('accepts a described problem and names the operation', () => {
    expect(contract.check(answer({}))).toMatchObject({ operation: 'alertsGet (GET /v1/alerts/{id})', problems: [] });
  });

  it.each([
    ['a problem without its code', { body: { ...problem, error: undefined } }, /must have required property 'error'/],
    ['an error as plain JSON', { contentType: 'application/json' }, /media type application\/json is not one of/],
    ['an undocumented status', { status: 418 }, /status 418 is not documented/],
    ['an unknown path', { url: 'http://127.0.0.1:3002/v1/nowhere' }, /is not described/],
    [
      'a success body of the wrong shape',
      { status: 200, contentType: 'application/json', body: { id: 3 } },
      /body does not match/,
    ],
  ])('refuses %s', (_what, overrides, message) => {
    expect(contract.check(answer(overrides)).problems.join('; ')).toMatch(message);
  });

  it('prefers the literal path to a template', () => {
    expect(contract.templateOf('/v1/broadcasts/preview')).toBe('/v1/broadcasts/preview');
    expect(contract.templateOf('/v1/broadcasts/0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f50')).toBe('/v1/broadcasts/{id}');
  });

  it('checks webhook payloads against the top-level webhooks', () => {
    expect(contract.checkWebhook('alert.routed', { type: 'alert.routed' })[0]).toMatch(/must have required property/);
  });
});
