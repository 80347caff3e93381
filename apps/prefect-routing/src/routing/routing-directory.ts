import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ChannelListener, schemaChannel } from '@vigie/persistence';
import type { DirectoryEntry, RoutingRule } from '../rule-engine';
import { directoryEntries, directoryVersion } from '../stored-rules/routing-rules.queries';
import { RulesService } from '../stored-rules/rules.service';

/** What the rules engine reads besides the alert: the partner directory and the enabled rules. */
export interface RoutingInputs {
  /** Frozen: held until a change replaces it, and indexed once by the rule engine. */
  entries: readonly DirectoryEntry[];
  rules: RoutingRule[];
}

/**
 * How long after an announced change the directory is read again in the background: the changes
 * of an import or a burst of edits come close together, and are read once.
 */
const REFRESH_DELAY_MS = 200;

/**
 * The partner directory and the routing rules as the rules engine reads them, reloaded only
 * when they changed: triggers bump `directory_version` with every change to the read model or
 * to the rules, whichever instance made it, and announce it when it commits
 * (`routing_inputs_<schema>`). While this instance hears those announcements, what it holds is
 * used without a read; after one, or while its LISTEN connection is down, the next batch reads
 * the version, and everything again if it moved (ADR 59). An announcement (or listening again)
 * also has them read in the background shortly after, so that the next alert finds them held
 * rather than paying the read of a whole directory (ADR 64). What it returns is shared: callers
 * do not modify it.
 */
@Injectable()
export class RoutingDirectory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RoutingDirectory.name);
  private cached: ({ version: string } & RoutingInputs) | undefined;
  /** Bumped by every announcement, and by the listener's loss or return. */
  private generation = 0;
  private listening = false;
  /** The cached inputs were read after the last announcement, while listening. */
  private current = false;
  private readonly changes: ChannelListener;
  private refreshTimer: NodeJS.Timeout | null = null;
  /** The background read under way, if any: one at a time. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: RulesService,
  ) {
    this.changes = new ChannelListener({
      ...schemaChannel(dataSource, 'routing_inputs'),
      onNotification: () => this.changed(true),
      onListening: () => this.changed(true),
      onLost: (reason) => {
        this.changed(false);
        this.logger.warn(`rule and directory changes unheard (${reason}): every batch reads their version`);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.changes.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.changes.stop();
    // Not listening from here on, so nothing schedules another read.
    this.changed(false);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    await this.refreshing;
  }

  async inputs(manager: EntityManager): Promise<RoutingInputs> {
    if (this.current && this.cached) return this.cached;
    const generation = this.generation;
    const version = await directoryVersion(manager);
    if (this.cached?.version !== version) {
      // Read in the same transaction as the version: the three are consistent.
      const [entries, rules] = await Promise.all([directoryEntries(manager), this.rules.active(manager)]);
      this.cached = { version, entries: Object.freeze(entries), rules };
    }
    // A change announced while reading may not be in what was read: the next batch reads again.
    this.current = this.listening && generation === this.generation;
    return this.cached;
  }

  /** Whether the next batch uses what this instance holds without a read. */
  get holdsCurrentInputs(): boolean {
    return this.current && this.cached !== undefined;
  }

  /** Whether this instance hears the changes now (its LISTEN connection is up). */
  get hearsChanges(): boolean {
    return this.changes.listening;
  }

  async entries(manager: EntityManager): Promise<readonly DirectoryEntry[]> {
    return (await this.inputs(manager)).entries;
  }

  private changed(listening: boolean): void {
    this.generation += 1;
    this.listening = listening;
    this.current = false;
    if (listening) this.refreshSoon();
  }

  /** Reads the inputs in the background once the changes announced meanwhile have settled. */
  private refreshSoon(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refreshing = this.refreshing.then(() => this.refresh());
    }, REFRESH_DELAY_MS);
    this.refreshTimer.unref();
  }

  /**
   * One background read, in one snapshot, unless a batch already read what is current. A change
   * announced while it reads schedules the next one; a failure leaves the read to the next batch.
   */
  private async refresh(): Promise<void> {
    if (this.current || !this.listening) return;
    try {
      await this.dataSource.transaction('REPEATABLE READ', (manager) => this.inputs(manager));
    } catch (error) {
      this.logger.warn(`directory not read in the background (${(error as Error).message}): the next batch reads it`);
    }
  }
}
