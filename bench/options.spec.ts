import { parseOptions } from './options';

describe('parseOptions', () => {
  it('measures the full ladder by default, on the bench database and broker', () => {
    const options = parseOptions([], {});
    expect(options).toMatchObject({
      smoke: false,
      rates: [1, 50, 200, 500],
      climb: true,
      holdSeconds: 60,
      trickleSeconds: 300,
      fanOutPartners: 1000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/vigie_bench',
      kafkaBrokers: '127.0.0.1:19492',
      basePort: 7100,
      profileRate: null,
      consoleAlerts: null,
      samples: null,
      partitions: 3,
      instances: 1,
      brokerWarmUpSeconds: 120,
    });
    expect([...options.phases]).toEqual(['latency', 'hold', 'kafka', 'pg', 'fanout', 'resources']);
  });

  it('keeps a smoke run to a few seconds and out of the committed results', () => {
    const options = parseOptions(['--smoke'], {});
    expect(options).toMatchObject({
      smoke: true,
      climb: false,
      stepSeconds: 2,
      holdSeconds: 2,
      fanOutPartners: 5,
      brokerWarmUpSeconds: 2,
    });
    expect(options.outDir).toMatch(/\.vigie\/bench$/);
  });

  it('takes rates, phases, profile rate and environment overrides', () => {
    const options = parseOptions(['--rates', '10,20', '--fixed', '--only', 'latency,pg', '--profile', '300'], {
      BENCH_KAFKA_BROKERS: '127.0.0.1:1',
      BENCH_BASE_PORT: '9000',
    });
    expect(options).toMatchObject({
      rates: [10, 20],
      climb: false,
      profileRate: 300,
      kafkaBrokers: '127.0.0.1:1',
      basePort: 9000,
    });
    expect([...options.phases]).toEqual(['latency', 'pg']);
  });

  it('makes the 1 alert/s step as long as asked', () => {
    expect(parseOptions(['--trickle-seconds', '60'], {}).trickleSeconds).toBe(60);
    expect(parseOptions(['--smoke'], {}).trickleSeconds).toBe(2);
    expect(() => parseOptions(['--trickle-seconds', '0'], {})).toThrow(/--trickle-seconds must be positive/);
  });

  it('writes every alert of the steps to a file with --samples', () => {
    expect(parseOptions(['--samples', '/tmp/alerts.jsonl'], {}).samples).toBe('/tmp/alerts.jsonl');
  });

  it('runs several processes of every service with --instances', () => {
    expect(parseOptions(['--instances', '2', '--partitions', '6'], {})).toMatchObject({ instances: 2, partitions: 6 });
  });

  it('warms the broker for at most --broker-warm-up seconds, or not at all with 0', () => {
    expect(parseOptions(['--broker-warm-up', '30'], {}).brokerWarmUpSeconds).toBe(30);
    expect(parseOptions(['--broker-warm-up', '0'], {}).brokerWarmUpSeconds).toBe(0);
  });

  it('measures the console alone with --console', () => {
    expect(parseOptions(['--console', '10000'], {}).consoleAlerts).toBe(10000);
  });

  it.each([
    [['--console', '0']],
    [['--instances', '0']],
    [['--rates', '10,-1']],
    [['--only', 'latency,nonsense']],
    [['--step-seconds', 'abc']],
    [['--broker-warm-up', '-5']],
    [['--broker-warm-up', '1.5']],
  ])('refuses %j', (argv) => {
    expect(() => parseOptions(argv, {})).toThrow();
  });
});
