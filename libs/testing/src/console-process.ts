import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './repo-root';
import type { Stack } from './stack';
import { waitFor } from './wait-for';

export interface ConsoleOptions {
  port: number;
  logFile: string;
  /** The stack whose four services the console calls. */
  stack: Stack;
  env?: Record<string, string>;
}

/** The console (apps/console, built) as a separate process in front of a stack's services. */
export class ConsoleProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(options: ConsoleOptions): Promise<ConsoleProcess> {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = openSync(options.logFile, 'a');
    const child = spawn(process.execPath, [join(repoRoot(), 'dist', 'apps', 'console', 'src', 'main.js')], {
      env: {
        ...process.env,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(options.port),
        REGISTRY_URL: options.stack.url('partner-registry'),
        INGESTION_URL: options.stack.url('alert-ingestion'),
        ROUTING_URL: options.stack.url('prefect-routing'),
        NOTIFICATION_URL: options.stack.url('notification'),
        ...options.env,
      },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    process.once('exit', () => child.kill('SIGKILL'));
    const url = `http://127.0.0.1:${options.port}`;
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`the console exited:\n${readFileSync(options.logFile, 'utf8').slice(-3000)}`);
        return (await fetch(`${url}/health`)).ok;
      },
      { what: 'the console to be healthy', timeoutMs: 30_000, intervalMs: 100 },
    );
    return new ConsoleProcess(child, url);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exit = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  }
}
