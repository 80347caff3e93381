import { once } from 'node:events';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { logDestination, pinoOptions } from '../libs/observability/src/logging';

/**
 * The CPU a JSON log line costs a service, written one write per line (pino's default
 * destination) or gathered by the kilobyte (`logDestination`, ADR 65): lines come as a busy
 * service writes them (three every 2 ms, 1,500 a second, each apart from the next) to a file, and
 * the process's CPU (user + system, every thread: the writes run on libuv's) is divided by the
 * lines. Rounds alternate the two destinations (`node dist/bench/log-lines.js [seconds per round]`).
 */

const seconds = Number(process.argv[2] ?? 5);
const ROUNDS = 4;

type Destination = ReturnType<typeof logDestination>;

async function round(name: string, open: (fd: number) => Destination, dir: string): Promise<void> {
  const fd = openSync(join(dir, `${name}.log`), 'w');
  const destination = open(fd);
  const logger = pino(pinoOptions('bench', { level: 'info', format: 'json' }), destination);
  let lines = 0;
  const before = process.cpuUsage();
  const timer = setInterval(() => {
    for (let i = 0; i < 3; i++) {
      logger.info({ requestId: 'a3c1f5e2-0b7d-4c55-9b1e-2f1e6f0d9c11', route: '/v1/alerts', n: lines++ }, 'POST 201');
    }
  }, 2);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  clearInterval(timer);
  const used = process.cpuUsage(before);
  // Ending the destination writes what waits and closes the file.
  destination.end();
  await once(destination, 'close');
  const perLine = (microseconds: number) => (microseconds / lines).toFixed(1);
  console.log(
    `${name.padEnd(14)} ${lines} lines: ${perLine(used.user + used.system)} µs of CPU per line ` +
      `(user ${perLine(used.user)}, system ${perLine(used.system)})`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-log-lines-'));
  try {
    for (let n = 0; n < ROUNDS; n++) {
      await round('line by line', (fd) => pino.destination({ dest: fd, minLength: 0 }), dir);
      await round('by kilobyte', (fd) => logDestination(fd), dir);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
