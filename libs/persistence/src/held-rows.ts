import type { DataSource } from 'typeorm';
import { ChannelListener, schemaChannel } from './channel-listener';

export interface HeldRowsLimits {
  /** Rows held (least recently used forgotten first). */
  rows: number;
  /** How long a row is trusted without being read again, should a change ever go unannounced. */
  lifetimeMs: number;
}

/** A read in progress: what it found is kept only if nothing changed meanwhile. */
export interface RowRead {
  readonly generation: number;
}

/**
 * Rows read from PostgreSQL, held by key so that the next use reads nothing: the keys callers
 * present (ADR 56), the webhooks of the organisations a message goes to (ADR 62). They are trusted
 * only while the table's changes are announced to this process (a LISTEN connection, see
 * {@link heldWhileHeard}): every announced change forgets everything, and so does the loss of that
 * connection, after which nothing is kept until it listens again. A read that began before a
 * change is not kept, since it may have seen the row as it was.
 */
export class HeldRows<V> {
  private readonly rows = new Map<string, { row: V; until: number }>();
  private generation = 0;
  private trusted = false;

  constructor(
    private readonly limits: HeldRowsLimits = { rows: 100_000, lifetimeMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** The row held for this key, if still trusted. */
  get(key: string): V | undefined {
    const held = this.rows.get(key);
    if (!held) return undefined;
    this.rows.delete(key);
    if (held.until <= this.now()) return undefined;
    this.rows.set(key, held);
    return held.row;
  }

  /** Call before reading rows; pass the result to {@link keep}. */
  beginRead(): RowRead {
    return { generation: this.generation };
  }

  /** Holds the row a read found, unless changes were announced (or missed) since it began. */
  keep(key: string, row: V, read: RowRead): void {
    if (!this.trusted || read.generation !== this.generation) return;
    this.rows.delete(key);
    if (this.rows.size >= this.limits.rows) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, { row, until: this.now() + this.limits.lifetimeMs });
  }

  /** The table changed: forget every row, and every read in progress. */
  changed(): void {
    this.generation += 1;
    this.rows.clear();
  }

  /** Changes are announced from now on: rows may be kept. */
  listening(): void {
    this.changed();
    this.trusted = true;
  }

  /** Changes may go unannounced: forget everything and keep nothing until {@link listening}. */
  deaf(): void {
    this.changed();
    this.trusted = false;
  }

  get size(): number {
    return this.rows.size;
  }
}

/**
 * The LISTEN connection that keeps `held` trusted: on `<name>_<schema>` (the channel the table's
 * changes are announced on), each announcement forgets what it holds; `onLost` is told when the
 * announcements may go unheard, until the connection is back.
 */
export function heldWhileHeard(
  held: HeldRows<unknown>,
  dataSource: DataSource,
  name: string,
  onLost: (reason: string) => void,
): ChannelListener {
  return new ChannelListener({
    ...schemaChannel(dataSource, name),
    onNotification: () => held.changed(),
    onListening: () => held.listening(),
    onLost: (reason) => {
      held.deaf();
      onLost(reason);
    },
  });
}
