import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { consoleBundleOptions } from '../../../../scripts/console-assets';

const BUDGET_BYTES = 60 * 1024;

describe('the console bundle', () => {
  it('stays within 60 KB gzipped', async () => {
    const result = await build({ ...consoleBundleOptions(), write: false, outfile: 'console.js' });
    const gzipped = gzipSync(result.outputFiles[0].contents).length;
    expect(gzipped).toBeGreaterThan(100);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
