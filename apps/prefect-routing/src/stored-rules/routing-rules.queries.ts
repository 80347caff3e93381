import type { EntityManager } from 'typeorm';
import { DirectoryOrganisation } from '@vigie/access';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import type { RoutingRule } from '../rule-engine';
import { StoredRule, toRoutingRule } from './stored-rule.entity';

/**
 * `routing_rules` (the rules the engine runs, built-in and written by prefectures) and
 * `directory_version`, which triggers bump with every change to the rules or to the directory.
 */

// Read for every alert routed: plain SQL, prepared once per connection.
const ACTIVE_RULES: PreparedStatement = {
  name: 'routing.active-rules',
  text: 'SELECT id, description, conditions, selector, tlp FROM routing_rules WHERE enabled ORDER BY position, id',
};

// Read by every routing transaction, to know whether the rules and directory it holds are current.
const DIRECTORY_VERSION: PreparedStatement = {
  name: 'routing.directory-version',
  text: 'SELECT version::text AS version FROM directory_version',
};

/** The enabled rules in the order they run. */
export async function activeRules(manager: EntityManager): Promise<RoutingRule[]> {
  const rules = await runPrepared<Pick<StoredRule, 'id' | 'description' | 'conditions' | 'selector' | 'tlp'>>(
    manager,
    ACTIVE_RULES,
    [],
  );
  return rules.map(toRoutingRule);
}

/** Every rule, enabled or not, in the order they run. */
export function allRules(manager: EntityManager): Promise<StoredRule[]> {
  return manager.find(StoredRule, { order: { position: 'ASC', id: 'ASC' } });
}

/** One rule; locked until the transaction ends when it is about to change. */
export function ruleById(manager: EntityManager, id: string, forUpdate = false): Promise<StoredRule | null> {
  return manager.findOne(StoredRule, { where: { id }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' } } : {}) });
}

export function ruleExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.existsBy(StoredRule, { id });
}

export async function insertRule(manager: EntityManager, rule: StoredRule): Promise<void> {
  await manager.insert(StoredRule, rule);
}

export async function saveRule(manager: EntityManager, rule: StoredRule): Promise<void> {
  await manager.save(StoredRule, rule);
}

export async function deleteRule(manager: EntityManager, id: string): Promise<void> {
  await manager.delete(StoredRule, { id });
}

/** Changes with every change to the rules or to the partner directory, whichever instance made it. */
export async function directoryVersion(manager: EntityManager): Promise<string> {
  const [{ version }] = await runPrepared<{ version: string }>(manager, DIRECTORY_VERSION, []);
  return version;
}

/** The partner directory as the rules engine reads it. */
export function directoryEntries(manager: EntityManager): Promise<DirectoryOrganisation[]> {
  return manager.find(DirectoryOrganisation);
}
