// `node dist/scripts/scan-test-logs.js [dir]`: fails the test run when any captured service log
// (.vigie/test-logs, cleared at the start of scripts/test.sh) holds a secret: API keys, webhook
// secrets, JWTs, bearer tokens, passwords. Prints file, line and kind, never the value.
import 'reflect-metadata';
import { join } from 'node:path';
import { repoRoot, scanDirectory } from '@vigie/testing';

const dir = process.argv[2] ?? join(repoRoot(), '.vigie', 'test-logs');
const findings = scanDirectory(dir);
for (const f of findings) console.error(`secret (${f.kind}) in ${f.file}:${f.line}`);
console.log(`secret scan of ${dir}: ${findings.length} finding(s)`);
process.exit(findings.length === 0 ? 0 : 1);
