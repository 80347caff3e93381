import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ConflictError, ForbiddenError, NotFoundError } from '@vigie/platform';
import type { RoutingRule } from '../rule-engine';
import { CreateRoutingRuleDto, RoutingRuleBodyDto, RoutingRuleView, selectorOf } from './dto/routing-rule.dto';
import { activeRules, allRules, deleteRule, insertRule, ruleById, ruleExists, saveRule } from './routing-rules.queries';
import { mayReadRules, ruleDeleteRefusal, ruleWriteRefusal } from './rule-permissions';
import { StoredRule } from './stored-rule.entity';

const DEFAULT_POSITION = 100;

/** The routing rules in PostgreSQL: what the engine runs for every alert, and their editing. */
@Injectable()
export class RulesService {
  constructor(private readonly dataSource: DataSource) {}

  /** The enabled rules in the order they run; read in the routing transaction. */
  active(manager: EntityManager = this.dataSource.manager): Promise<RoutingRule[]> {
    return activeRules(manager);
  }

  async list(caller: Caller): Promise<RoutingRuleView[]> {
    this.assertMayRead(caller);
    const rules = await allRules(this.dataSource.manager);
    return rules.map(RoutingRuleView.of);
  }

  async get(id: string, caller: Caller): Promise<RoutingRuleView> {
    this.assertMayRead(caller);
    return RoutingRuleView.of(await this.find(this.dataSource.manager, id));
  }

  async create(input: CreateRoutingRuleDto, caller: Caller): Promise<RoutingRuleView> {
    this.assertMayRead(caller);
    refuseIf(ruleWriteRefusal(caller, input.when));
    return this.dataSource.transaction(async (manager) => {
      if (await ruleExists(manager, input.id)) {
        throw new ConflictError(`a routing rule ${input.id} already exists`);
      }
      const rule = manager.create(StoredRule, {
        id: input.id,
        ...fields(input, caller),
        builtin: false,
        ownerOrganisationId: caller.organisationId,
      });
      await insertRule(manager, rule);
      return RoutingRuleView.of(rule);
    });
  }

  async replace(id: string, input: RoutingRuleBodyDto, caller: Caller): Promise<RoutingRuleView> {
    this.assertMayRead(caller);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.find(manager, id, true);
      refuseIf(ruleWriteRefusal(caller, input.when, existing));
      Object.assign(existing, fields(input, caller, existing.position));
      await saveRule(manager, existing);
      return RoutingRuleView.of(existing);
    });
  }

  async remove(id: string, caller: Caller): Promise<void> {
    this.assertMayRead(caller);
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.find(manager, id, true);
      refuseIf(ruleDeleteRefusal(caller, existing));
      await deleteRule(manager, id);
    });
  }

  private assertMayRead(caller: Caller): void {
    if (!mayReadRules(caller)) throw new ForbiddenError('routing rules are for the State and administrators');
  }

  private async find(manager: EntityManager, id: string, forUpdate = false): Promise<StoredRule> {
    const rule = await ruleById(manager, id, forUpdate);
    if (!rule) throw new NotFoundError('routing rule', id);
    return rule;
  }
}

function fields(input: RoutingRuleBodyDto, caller: Caller, position = DEFAULT_POSITION) {
  return {
    description: input.description,
    conditions: input.when.map((condition) => ({ ...condition })),
    selector: selectorOf(input.select),
    tlp: input.tlp ?? null,
    position: input.position ?? position,
    enabled: input.enabled ?? true,
    updatedAt: new Date(),
    updatedBy: caller.isAdmin ? 'admin' : caller.organisationId!,
  };
}

function refuseIf(refusal: string | null): void {
  if (refusal) throw new ForbiddenError(refusal);
}
