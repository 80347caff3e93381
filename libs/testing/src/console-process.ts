import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startNodeProcess, stopChild } from './child-process';
import { repoRoot } from './repo-root';
import type { Stack } from './stack';

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
    const url = `http://127.0.0.1:${options.port}`;
    const child = await startNodeProcess({
      args: [join(repoRoot(), 'dist', 'apps', 'console', 'src', 'main.js')],
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
      logFile: options.logFile,
      name: 'the console',
      ready: async () => (await fetch(`${url}/health`)).ok,
      readyWhat: 'the console to be healthy',
    });
    return new ConsoleProcess(child, url);
  }

  stop(): Promise<void> {
    return stopChild(this.child, 10_000);
  }
}
