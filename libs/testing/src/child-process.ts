import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { waitFor } from './wait-for';

export interface NodeProcessOptions {
  /** The script Node runs, with the arguments that follow it. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where the process writes its output, appended (its folder is made if need be). */
  logFile: string;
  /** Who the process is, for the error should it exit before it is ready: "the console". */
  name: string;
  /** Whether it is ready yet: it is asked again (errors included) every 100 ms, for 30 s. */
  ready: () => Promise<boolean>;
  /** What `ready` waits for, for the error should it time out. */
  readyWhat: string;
}

/**
 * A Node process of the tests' own (the console, a test provider), its output appended to its log
 * file, killed with the test process; returned once `ready` says so. Should it exit first, the
 * wait fails with the end of its log.
 */
export async function startNodeProcess(options: NodeProcessOptions): Promise<ChildProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, options.args, { env: options.env, stdio: ['ignore', log, log] });
  closeSync(log);
  process.once('exit', () => child.kill('SIGKILL'));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error(`${options.name} exited:\n${readFileSync(options.logFile, 'utf8').slice(-3000)}`);
      return options.ready();
    },
    { what: options.readyWhat, timeoutMs: 30_000, intervalMs: 100 },
  );
  return child;
}

/**
 * Sends `signal` to a child still running and waits until it exits, with SIGKILL after `graceMs`
 * should it still run then.
 */
export async function stopChild(
  child: ChildProcess,
  graceMs: number,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exit;
  clearTimeout(timer);
}
