import type { StoredKeyRow } from '../key-check';

export interface KnownKeysLimits {
  /** Keys remembered (least recently used forgotten first). */
  keys: number;
  /** How long a row is trusted without being read again, should a change ever go unannounced. */
  lifetimeMs: number;
}

/** A read of the directory in progress: what it found is kept only if nothing changed meanwhile. */
export interface KeyRead {
  readonly generation: number;
}

/**
 * The directory's rows of the keys callers present, so that a request is authenticated without a
 * round trip to PostgreSQL. It is trusted only while the directory's changes are announced to
 * this process (a LISTEN connection): every announced change forgets everything, and so does the
 * loss of that connection, after which nothing is kept until it listens again. A read that began
 * before a change is not kept, since it may have seen the row as it was. Expiry is checked on the
 * row at each use; revocation and suspension arrive as changes.
 */
export class KnownKeys {
  private readonly rows = new Map<string, { row: StoredKeyRow; until: number }>();
  private generation = 0;
  private trusted = false;

  constructor(
    private readonly limits: KnownKeysLimits = { keys: 100_000, lifetimeMs: 60_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** The row of this key, if remembered and still trusted. */
  get(keyId: string): StoredKeyRow | undefined {
    const known = this.rows.get(keyId);
    if (!known) return undefined;
    this.rows.delete(keyId);
    if (known.until <= this.now()) return undefined;
    this.rows.set(keyId, known);
    return known.row;
  }

  /** Call before reading a key's row; pass the result to {@link keep}. */
  beginRead(): KeyRead {
    return { generation: this.generation };
  }

  /** Remembers the row a read found, unless changes were announced (or missed) since it began. */
  keep(keyId: string, row: StoredKeyRow, read: KeyRead): void {
    if (!this.trusted || read.generation !== this.generation) return;
    this.rows.delete(keyId);
    if (this.rows.size >= this.limits.keys) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(keyId, { row, until: this.now() + this.limits.lifetimeMs });
  }

  /** The directory changed: forget every row, and every read in progress. */
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
