import { Client } from 'pg';

/**
 * Where an instance stands among the instances of its service (ADR 52):
 * - `sole`: no other instance is running; it may publish its own events straight after commit;
 * - `shared`: others run too; every instance publishes through relay rounds under the relay lock;
 * - `out`: not (or no longer) in the lease, for example after losing its connection: it publishes
 *   nothing until it has joined again, since another instance may meanwhile have become sole.
 */
export type LeaseState = 'sole' | 'shared' | 'out';

/** What the relay asks of its place among the service's instances. */
export interface Lease {
  readonly state: LeaseState;
  join(): Promise<LeaseState>;
  othersWaiting(): Promise<boolean>;
  handOver(): Promise<void>;
  tryTakeOver(): Promise<boolean>;
  leave(): Promise<void>;
}

/**
 * A service not declared as running one instance holds no lease: it is always `shared` and
 * publishes through relay rounds only, with no connection of its own.
 */
export const NO_LEASE: Lease = {
  state: 'shared',
  join: () => Promise.resolve('shared'),
  othersWaiting: () => Promise.resolve(false),
  handOver: () => Promise.resolve(),
  tryTakeOver: () => Promise.resolve(false),
  leave: () => Promise.resolve(),
};

/** The key of the service's lease: two int4 keys, so pg_locks shows them as classid and objid. */
const KEY = `hashtext('vigie.outbox.lease'), hashtext($1)`;

/** Another session waits for the lease: an instance starting, which waits until the sole one hands over. */
const OTHERS_WAITING = `SELECT EXISTS (
  SELECT 1 FROM pg_locks
  WHERE locktype = 'advisory' AND objsubid = 2 AND NOT granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND classid = hashtext('vigie.outbox.lease')::oid AND objid = hashtext($1)::oid) AS waiting`;

/**
 * Membership of one service's instances, held as a session-level advisory lock on a connection of
 * its own. An instance joins exclusively if it is alone (`sole`), otherwise in shared mode, which
 * waits until the sole instance has handed over: an instance that joins has published nothing
 * before the sole one stopped publishing straight after commit. The sole instance looks for
 * such a waiter (`othersWaiting`) and hands over; a `shared` instance becomes sole again when the
 * others have gone (`tryTakeOver`). If the connection ends, the lock is gone with it: the state
 * turns `out` at once and `onLost` is called.
 */
export class PublisherLease implements Lease {
  private client: Client | null = null;
  private current: LeaseState = 'out';

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
    private readonly onLost: () => void,
  ) {}

  get state(): LeaseState {
    return this.current;
  }

  /** Joins the lease: sole if no other instance holds it, otherwise shared once the sole one handed over. */
  async join(): Promise<LeaseState> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: `${this.schema}.publisher`,
      connectionTimeoutMillis: 5000,
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.current = 'out';
      this.onLost();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      const sole = await this.ask<{ sole: boolean }>(client, `SELECT pg_try_advisory_lock(${KEY}) AS sole`);
      if (!sole.sole) await client.query(`SELECT pg_advisory_lock_shared(${KEY})`, [this.schema]);
      this.client = client;
      this.current = sole.sole ? 'sole' : 'shared';
      return this.current;
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** Whether another instance waits to join (only asked by the sole instance). */
  async othersWaiting(): Promise<boolean> {
    return (await this.ask<{ waiting: boolean }>(this.connected(), OTHERS_WAITING)).waiting;
  }

  /** Sole to shared: lets the waiting instances in. */
  async handOver(): Promise<void> {
    const client = this.connected();
    await client.query(`SELECT pg_advisory_lock_shared(${KEY})`, [this.schema]);
    await client.query(`SELECT pg_advisory_unlock(${KEY})`, [this.schema]);
    this.current = 'shared';
  }

  /** Shared to sole, if no other instance holds or waits for the lease; says whether it did. */
  async tryTakeOver(): Promise<boolean> {
    const client = this.connected();
    if (!(await this.ask<{ sole: boolean }>(client, `SELECT pg_try_advisory_lock(${KEY}) AS sole`)).sole) return false;
    await client.query(`SELECT pg_advisory_unlock_shared(${KEY})`, [this.schema]);
    this.current = 'sole';
    return true;
  }

  /** Leaves the lease (the session's locks go with its connection). */
  async leave(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.current = 'out';
    await client?.end().catch(() => undefined);
  }

  private connected(): Client {
    if (!this.client) throw new Error('not in the publisher lease');
    return this.client;
  }

  private async ask<T>(client: Client, text: string): Promise<T> {
    return (await client.query<T & object>(text, [this.schema])).rows[0];
  }
}
