import { decideOutcome, truncateError, WEBHOOK_RETRY, type AttemptResult } from './delivery.outcome';

const policy = { ...WEBHOOK_RETRY, maxAttempts: 8 };
const response = (status: number): AttemptResult => ({ kind: 'response', status });
const middle = (): number => 0.5;
const refused: AttemptResult = { kind: 'error', message: 'connect ECONNREFUSED 127.0.0.1:9' };

describe('delivery outcome', () => {
  it.each([200, 201, 202, 204, 299])('HTTP %i is delivered', (status) => {
    expect(decideOutcome(response(status), 1, policy)).toEqual({ status: 'sent' });
  });

  it.each([
    [response(500), 'HTTP 500'],
    [response(429), 'HTTP 429'],
    [response(404), 'HTTP 404'],
    [response(301), 'HTTP 301 (redirects are not followed)'],
    [response(307), 'HTTP 307 (redirects are not followed)'],
    [refused, 'connect ECONNREFUSED 127.0.0.1:9'],
  ])('%p is retried and recorded as %p', (result, error) => {
    expect(decideOutcome(result, 1, policy, middle)).toEqual({ status: 'failed', retryInMs: 750, error });
  });

  it('backs off exponentially, with a cap', () => {
    const delays = [1, 2, 3, 4].map((attempt) => decideOutcome(response(503), attempt, policy, () => 1));
    expect(delays.map((d) => (d.status === 'failed' ? d.retryInMs : null))).toEqual([1000, 2000, 4000, 8000]);
    const late = decideOutcome(response(503), 20, { ...policy, maxAttempts: 30 }, () => 1);
    expect(late).toMatchObject({ retryInMs: WEBHOOK_RETRY.maxDelayMs });
  });

  it('gives up after the last attempt', () => {
    expect(decideOutcome(response(500), 7, policy)).toMatchObject({ status: 'failed' });
    expect(decideOutcome(response(500), 8, policy)).toEqual({
      status: 'dead',
      error: 'HTTP 500 (gave up after 8 attempts)',
      disableWebhook: false,
    });
  });

  it('a permanent refusal (a mail server rejecting the address) is dead at once', () => {
    expect(decideOutcome({ kind: 'rejected', message: '550 no such user' }, 1, policy)).toEqual({
      status: 'dead',
      error: '550 no such user',
      disableWebhook: false,
    });
  });

  it('HTTP 410 kills the delivery at once and disables the webhook', () => {
    expect(decideOutcome(response(410), 1, policy)).toMatchObject({ status: 'dead', disableWebhook: true });
  });

  it('keeps recorded errors short', () => {
    const error = truncateError('x'.repeat(2000));
    expect(error).toHaveLength(500);
    expect(truncateError('short')).toBe('short');
  });
});
