import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import ts from 'typescript';
import { repoRoot } from '@vigie/testing';

export type Verify = (secret: string, rawBody: string, timestamp: string, signature: string) => boolean;

/**
 * The webhook verification function exactly as the README gives it to partners (the TypeScript
 * block of "Verifying a webhook"), compiled and run with a clock set to `nowMs`: what is tested
 * is the recipe partners copy, not a copy of it.
 */
export function readmeVerify(nowMs: () => number): Verify {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const section = readme.split(/^### Verifying a webhook$/m)[1];
  const source = section && /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!source || !/function verify\(/.test(source)) throw new Error('README: no verify() in "Verifying a webhook"');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  class Clock extends Date {
    static override now(): number {
      return nowMs();
    }
  }
  const context = createContext({
    require: createRequire(__filename),
    exports: {},
    Buffer,
    Date: Clock,
  });
  return runInContext(`${outputText}\nverify;`, context) as Verify;
}
