import { Client } from 'pg';
import type { DataSource } from 'typeorm';

export interface ChannelListenerOptions {
  connectionString: string;
  /** A PostgreSQL identifier, unquoted (letters, digits, underscores). */
  channel: string;
  /** Names the connection in pg_stat_activity. */
  applicationName: string;
  /** Each NOTIFY on the channel, with its payload. */
  onNotification(payload: string): void;
  /** LISTEN is in force (at start and after each reconnection): from now on no notification is missed. */
  onListening?(): void;
  /** The connection failed or was lost: notifications may be missed until `onListening` again. */
  onLost?(reason: string): void;
  /** Delay before each new attempt after a failure. */
  retryMs?: number;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * Where a service's channel `<name>_<schema>` is heard: the data source's database, its
 * connection named `<schema>.<name>` in pg_stat_activity. One channel per schema, so the instances
 * of one service hear each other and no other service.
 */
export function schemaChannel(
  dataSource: DataSource,
  name: string,
): Pick<ChannelListenerOptions, 'connectionString' | 'channel' | 'applicationName'> {
  const options = dataSource.options as { url?: string; schema?: string };
  const schema = options.schema ?? 'public';
  return { connectionString: options.url ?? '', channel: `${name}_${schema}`, applicationName: `${schema}.${name}` };
}

/**
 * One connection that LISTENs to a channel for as long as the process runs, and comes back after
 * a loss. Notifications sent while it is away are lost: `onLost` and `onListening` tell its
 * owner when to stop trusting them and when to trust them again.
 */
export class ChannelListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChannelListenerOptions) {
    if (!CHANNEL.test(options.channel)) throw new Error(`invalid channel name: ${options.channel}`);
  }

  /** The channel listened to. */
  get channel(): string {
    return this.options.channel;
  }

  /** Whether LISTEN is in force now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; a failure is reported to `onLost` and retried, never thrown. */
  async start(): Promise<void> {
    const client = new Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
    });
    client.on('notification', (message) => this.options.onNotification(message.payload ?? ''));
    client.on('error', (error) => {
      if (this.client === client) this.client = null;
      this.lost(client, error.message);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      this.lost(client, (error as Error).message);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.options.onListening?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private lost(client: Client, reason: string): void {
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.onLost?.(reason);
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, this.options.retryMs ?? 1000);
    this.retry.unref();
  }
}
