import { refusalReason } from './alert-intake.metrics';

describe('the reason an alert was refused', () => {
  it.each([
    [400, 'invalid'],
    [422, 'invalid'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [413, 'too_large'],
    [415, 'unsupported_media_type'],
    [429, 'rate_limited'],
    [503, 'server_error'],
    [500, 'server_error'],
    [418, 'other'],
  ])('%i is %s', (status, reason) => {
    expect(refusalReason(status)).toBe(reason);
  });
});
