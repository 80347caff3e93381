// `npm run reliability:report`: turns the rows the fault and security suites recorded in
// .vigie/reliability/*.jsonl (scripts/test.sh clears them at the start of a run) into the tables
// of docs/reliability.md, between its markers.
import 'reflect-metadata';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELIABILITY_RESULTS_DIR, parseRows, renderReport, repoRoot, withReport } from '@vigie/testing';

const dir = RELIABILITY_RESULTS_DIR();
const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.jsonl')) : [];
if (files.length === 0) {
  console.error(`no results in ${dir}: run \`npm test\` (or \`npm run test:faults\`) first`);
  process.exit(1);
}
const rows = files.flatMap((file) => parseRows(readFileSync(join(dir, file), 'utf8')));
const document = join(repoRoot(), 'docs', 'reliability.md');
writeFileSync(document, withReport(readFileSync(document, 'utf8'), renderReport(rows)));
console.log(`docs/reliability.md: ${rows.length} rows from ${files.sort().join(', ')}`);
