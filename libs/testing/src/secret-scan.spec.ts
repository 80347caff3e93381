import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanDirectory, scanText } from './secret-scan';

describe('secret scan of captured logs', () => {
  const apiKey = 'vgk_0b4f1e52-7a3c-4c1e-9d3a-2f8e6b1c9a70_' + 'Q'.repeat(43);

  it.each([
    ['API key', `{"msg":"request","key":"${apiKey}"}`],
    ['webhook secret', '{"secret":"whsec_abcdefghijklmnopqrstuv"}'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl'],
    ['bearer token', 'authorization: Bearer abcdefghijklmnopqrstuvwxyz'],
    ['password', '{"password":"hunter22"}'],
  ])('finds a %s', (kind, line) => {
    expect(scanText(line).map((f) => f.kind)).toContain(kind);
  });

  it('lets redacted values and ordinary lines through', () => {
    const lines = [
      '{"req":{"headers":{"authorization":"[Redacted]"}},"password":"[Redacted]"}',
      '{"msg":"alert accepted","alertId":"3f0c","organisationId":"a1"}',
      'Kafka broker 127.0.0.1:19092 connected',
    ];
    expect(scanText(lines.join('\n'))).toEqual([]);
  });

  it('scans a directory tree and names file and line, never the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-scan-'));
    mkdirSync(join(dir, 'suite'));
    writeFileSync(join(dir, 'suite', 'ingestion.log'), `ok\nkey ${apiKey}\n`);
    writeFileSync(join(dir, 'clean.log'), 'nothing here\n');
    const findings = scanDirectory(dir);
    expect(findings).toEqual([{ file: join(dir, 'suite', 'ingestion.log'), line: 2, kind: 'API key' }]);
    expect(JSON.stringify(findings)).not.toContain(apiKey);
  });
});
