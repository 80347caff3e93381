import { PoisonMessageError, backoffDelay, decideFailure, isTransient } from './failure.policy';

const settings = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2000 };

function withCode(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('failure policy', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED'), true],
    ['PostgreSQL connection failure (class 08)', withCode('08006'), true],
    ['PostgreSQL shutting down', withCode('57P01'), true],
    ['serialization failure', withCode('40001'), true],
    ['deadlock', withCode('40P01'), true],
    [
      'TypeORM-wrapped connection loss',
      Object.assign(new Error('query failed'), { driverError: { code: '08003' } }),
      true,
    ],
    ['retriable Kafka error', Object.assign(new Error('leader not available'), { retriable: true }), true],
    ['terminated connection', new Error('Connection terminated unexpectedly'), true],
    ['unique violation', withCode('23505'), false],
    ['a bug', new TypeError('cannot read properties of undefined'), false],
    ['not an error', 'oops', false],
  ])('%s is transient: %s', (_, error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });

  it('dead-letters a poison message at once, with its details', () => {
    expect(decideFailure(new PoisonMessageError('invalid envelope', ['id: must be a UUID']), 1, settings)).toEqual({
      action: 'dead-letter',
      reason: 'invalid envelope; id: must be a UUID',
    });
  });

  it('retries a transient failure however many attempts were made', () => {
    expect(decideFailure(withCode('ECONNRESET'), 1000, settings).action).toBe('retry');
  });

  it('retries other failures up to the limit, then dead-letters them with the cause', () => {
    const bug = new RangeError('bad value');
    expect(decideFailure(bug, 1, settings).action).toBe('retry');
    expect(decideFailure(bug, 2, settings).action).toBe('retry');
    expect(decideFailure(bug, 3, settings)).toEqual({
      action: 'dead-letter',
      reason: 'failed after 3 attempts: RangeError: bad value',
    });
  });

  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 1, 200],
    [4, 0.5, 600],
    [5, 1, 1600],
    [6, 1, 2000],
    [60, 1, 2000],
  ])('backs off exponentially with jitter, capped (attempt %i, random %f → %i ms)', (attempt, random, expected) => {
    expect(backoffDelay(attempt, settings, () => random)).toBe(expected);
  });
});
