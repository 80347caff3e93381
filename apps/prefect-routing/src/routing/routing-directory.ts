import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DirectoryEntry, RoutingRule } from '../rule-engine';
import { directoryEntries, directoryVersion } from '../stored-rules/routing-rules.queries';
import { RulesService } from '../stored-rules/rules.service';

/** What the rules engine reads besides the alert: the partner directory and the enabled rules. */
export interface RoutingInputs {
  entries: DirectoryEntry[];
  rules: RoutingRule[];
}

/**
 * The partner directory and the routing rules as the rules engine reads them, reloaded only
 * when they changed: triggers bump `directory_version` with every change to the read model or
 * to the rules, whichever instance made it, and reading that one row is all an alert costs
 * while both stay the same. What it returns is shared: callers do not modify it.
 */
@Injectable()
export class RoutingDirectory {
  private cached: ({ version: string } & RoutingInputs) | undefined;

  constructor(private readonly rules: RulesService) {}

  async inputs(manager: EntityManager): Promise<RoutingInputs> {
    const version = await directoryVersion(manager);
    if (this.cached?.version !== version) {
      // Read in the same transaction as the version: the three are consistent.
      const [entries, rules] = await Promise.all([directoryEntries(manager), this.rules.active(manager)]);
      this.cached = { version, entries, rules };
    }
    return this.cached;
  }

  async entries(manager: EntityManager): Promise<DirectoryEntry[]> {
    return (await this.inputs(manager)).entries;
  }
}
