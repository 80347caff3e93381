import { withDeadline } from './deadline';

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers what the work answers in time, and leaves no timer behind', async () => {
    await expect(withDeadline(Promise.resolve('pong'), 1000, 'no answer')).resolves.toBe('pong');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('passes on the work’s own failure', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1000, 'no answer')).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails with the message once the time is up, and not before', async () => {
    const settled = jest.fn();
    const late = withDeadline(new Promise<string>(() => undefined), 1000, 'no answer within 1000 ms');
    late.then(settled, settled);
    await jest.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await expect(late).rejects.toThrow('no answer within 1000 ms');
  });
});
