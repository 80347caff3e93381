import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * cap/ is CAP 1.2 itself (reading, writing, references, dates); alerts/ uses it to take and
 * give alerts. The dependency goes one way: nothing here may import from alerts/, so the
 * format can be read and tested without the service around it.
 */
describe('the cap/ folder', () => {
  it('imports nothing from the rest of the service: only libraries and its own modules', () => {
    const offending = readdirSync(__dirname)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(join(__dirname, file), 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map(
          ([, path]) => `${file}: ${path}`,
        ),
      );
    expect(offending).toEqual([]);
  });
});
