import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { areaOf, summariseProfile } from './cpu-profile';

describe('areaOf', () => {
  it.each([
    ['file:///app/node_modules/typeorm/query-builder/QueryBuilder.js', 'build', 'typeorm'],
    ['file:///app/node_modules/@nestjs/core/router/router-execution-context.js', 'x', '@nestjs/core'],
    ['file:///app/dist/libs/messaging/src/outbox/outbox.relay.js', 'publishBatch', 'vigie libs/messaging'],
    ['file:///app/dist/apps/notification/src/deliveries/delivery.dispatcher.js', 'round', 'vigie apps/notification'],
    ['node:internal/streams/writable', 'write', 'node:streams'],
    ['node:net', 'connect', 'node:net'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writev', '(native)'],
  ])('%s %s → %s', (url, functionName, area) => {
    expect(areaOf(url, functionName)).toBe(area);
  });
});

describe('summariseProfile', () => {
  const frame = (id: number, functionName: string, url = ''): object => ({
    id,
    callFrame: { functionName, url, lineNumber: 9 },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'vigie-profile-')), 'a.cpuprofile');
  writeFileSync(
    file,
    JSON.stringify({
      startTime: 1000,
      nodes: [
        frame(1, '(idle)'),
        frame(2, 'query', 'file:///a/node_modules/pg/lib/client.js'),
        frame(3, 'round', 'file:///a/dist/apps/x/src/y.js'),
      ],
      // At 1100, 1400, 1700, 2000 µs.
      samples: [1, 2, 2, 3],
      timeDeltas: [100, 300, 300, 300],
    }),
  );

  it('shares self time between areas and functions, idle excluded', () => {
    const summary = summariseProfile('svc', file);
    expect(summary).toMatchObject({ service: 'svc', sampledMs: 1, busyMs: 1 });
    expect(summary.byArea.map((share) => [share.name, share.percent])).toEqual([
      ['pg', 66.7],
      ['vigie apps/x', 33.3],
    ]);
    expect(summary.topFunctions[0].name).toBe('query pg/lib/client.js:10');
  });

  it('keeps only the samples inside the window', () => {
    const summary = summariseProfile('svc', file, { fromUs: 1500, toUs: 2000 });
    expect(summary.byArea.map((share) => share.name)).toEqual(['pg', 'vigie apps/x']);
    expect(summary.byArea.map((share) => share.percent)).toEqual([50, 50]);
  });
});
