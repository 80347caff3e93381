import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DirectoryOrganisation } from '@vigie/access';
import type { DirectoryEntry } from '../rule-engine';

/**
 * The partner directory as the rules engine reads it, reloaded only when it changed: a trigger
 * bumps `directory_version` with every change to the read model, whichever instance applied it,
 * and reading that one row is all an alert costs while the directory stays the same.
 */
@Injectable()
export class RoutingDirectory {
  private cached: { version: string; entries: DirectoryEntry[] } | undefined;

  async entries(manager: EntityManager): Promise<DirectoryEntry[]> {
    const [{ version }] = await manager.query<{ version: string }[]>('SELECT version FROM directory_version');
    if (this.cached?.version !== version) {
      // Read in the same transaction as the version: the pair is consistent.
      this.cached = { version, entries: await manager.find(DirectoryOrganisation) };
    }
    return this.cached.entries;
  }
}
