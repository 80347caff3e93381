import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AlertSeverity, OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { ForbiddenError } from '@vigie/platform';
import { actorOf, canManage } from '../access/registry.access';
import { ConventionMember } from '../conventions/convention-member.entity';
import { Convention, ConventionStatus } from '../conventions/convention.entity';
import { joinProblems } from '../conventions/convention.rules';
import { OrganisationView } from '../organisations/dto/organisation.view';
import { OrganisationChanges } from '../organisations/organisation.changes';
import { Organisation } from '../organisations/organisation.entity';
import { SubscriptionView } from '../subscriptions/dto/subscription.dto';
import { Subscription } from '../subscriptions/subscription.entity';
import { departmentProblems, MAX_SUBSCRIPTIONS } from '../subscriptions/subscriptions.service';
import type { ImportReportView, ImportResultView } from './dto/import-report.view';
import { naturalKey, problem, validateRows, type ImportRow, type RawRow, type RowProblem } from './import.rows';
import { membershipKeys, organisationsForUpdate, subscriptionsByOrganisation } from './imports.queries';

/** Rows written per transaction: large enough to amortise commits, small enough to hold few locks briefly. */
export const IMPORT_BATCH = 500;

const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join('|') === [...b].sort().join('|');

/** Does an existing subscription already say what the row asks? */
function matches(existing: Subscription, row: ImportRow): boolean {
  const wanted = row.subscription!;
  return (
    same(existing.departments, wanted.departments) &&
    same(existing.eventCodes, wanted.eventCodes ?? []) &&
    existing.minimumSeverity === (wanted.minimumSeverity ?? AlertSeverity.Unknown) &&
    existing.sectors.length === 0 &&
    !existing.includeExercises
  );
}

/** The field on which a registered organisation differs from the row with its natural key, if any. */
function difference(existing: Organisation, row: ImportRow): string | null {
  const wanted = row.organisation;
  if (existing.kind !== wanted.kind) return 'kind';
  if (existing.name !== wanted.name) return 'name';
  if ((existing.siret ?? undefined) !== wanted.siret) return 'siret';
  if (!same(existing.departments, wanted.departments)) return 'departments';
  if ((existing.cnapsNumber ?? undefined) !== wanted.cnapsNumber) return 'cnapsNumber';
  return null;
}

interface Plan {
  organisation: Organisation;
  isNew: boolean;
  joins: Convention[];
  subscription: Subscription | null;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: OrganisationChanges,
  ) {}

  /**
   * Imports the rows: each valid row is created, completed (memberships and subscription it
   * lacks) or left unchanged; each refused row is reported with its reasons. Rows are written
   * in batches, one transaction each; a row is written whole or not at all.
   */
  async import(
    format: 'csv' | 'json',
    rows: { row: number; raw: RawRow }[],
    caller: Caller,
    activate: boolean,
  ): Promise<ImportReportView> {
    if (!caller.isAdmin && caller.kind !== OrganisationKind.Prefecture) {
      throw new ForbiddenError('partners are imported by administrators and prefectures');
    }
    const { valid, refused } = validateRows(rows);
    const conventions = new Map(
      (await this.dataSource.manager.find(Convention)).map((convention) => [convention.code, convention]),
    );
    const results: ImportResultView[] = [];
    for (let start = 0; start < valid.length; start += IMPORT_BATCH) {
      const batch = valid.slice(start, start + IMPORT_BATCH);
      await this.dataSource.transaction(async (manager) => {
        results.push(...(await this.importBatch(manager, batch, conventions, caller, activate, refused)));
      });
    }
    const count = (outcome: ImportResultView['outcome']) => results.filter((r) => r.outcome === outcome).length;
    const refusedRows = new Set(refused.map((found) => found.row));
    return {
      format,
      rows: rows.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      refused: refusedRows.size,
      results: results.sort((a, b) => a.row - b.row),
      problems: refused.sort((a, b) => a.row - b.row),
    };
  }

  private async importBatch(
    manager: EntityManager,
    batch: ImportRow[],
    conventions: Map<string, Convention>,
    caller: Caller,
    activate: boolean,
    refused: RowProblem[],
  ): Promise<ImportResultView[]> {
    const existing = await this.existing(manager, batch);
    const ids = [...existing.values()].map((organisation) => organisation.id);
    const members = await membershipKeys(manager, ids);
    const subscriptions = await subscriptionsByOrganisation(manager, ids);

    const plans: { row: ImportRow; plan: Plan }[] = [];
    for (const row of batch) {
      const found = existing.get(naturalKey(row.organisation)) ?? null;
      const plan = this.plan(row, found, conventions, members, subscriptions, caller, activate);
      if (Array.isArray(plan)) refused.push(...plan);
      else plans.push({ row, plan });
    }

    const created = plans.filter(({ plan }) => plan.isNew).map(({ plan }) => plan.organisation);
    if (created.length) await manager.insert(Organisation, created);
    const joins = plans.flatMap(({ plan }) =>
      plan.joins.map((convention) => ({
        conventionId: convention.id,
        organisationId: plan.organisation.id,
        joinedAt: new Date(),
        joinedBy: actorOf(caller),
      })),
    );
    if (joins.length) await manager.insert(ConventionMember, joins);
    const newSubscriptions = plans.flatMap(({ plan }) => (plan.subscription ? [plan.subscription] : []));
    if (newSubscriptions.length) await manager.insert(Subscription, newSubscriptions);

    const results: ImportResultView[] = [];
    for (const { row, plan } of plans) {
      const changed = plan.isNew || plan.joins.length > 0 || plan.subscription !== null;
      const outcome = plan.isNew ? 'created' : changed ? 'updated' : 'unchanged';
      results.push({ row: row.row, outcome, organisationId: plan.organisation.id, key: naturalKey(row.organisation) });
      if (!changed) continue;
      await this.changes.record(manager, caller, plan.organisation.id, (organisation) => ({
        action: plan.isNew ? 'organisation.imported' : 'organisation.import-completed',
        entity: 'organisation',
        entityId: plan.organisation.id,
        after: {
          organisation: OrganisationView.of(organisation),
          conventionsJoined: plan.joins.map((convention) => convention.code),
          ...(plan.subscription ? { subscription: SubscriptionView.of(plan.subscription) } : {}),
        },
      }));
    }
    return results;
  }

  /** The registered organisations with the natural key of a row of the batch, locked until the batch commits. */
  private async existing(manager: EntityManager, batch: ImportRow[]): Promise<Map<string, Organisation>> {
    const sirets = batch.flatMap((row) => (row.organisation.siret ? [row.organisation.siret] : []));
    const names = batch.flatMap((row) =>
      row.organisation.siret ? [] : [`${row.organisation.kind}:${row.organisation.name}`],
    );
    const found = await organisationsForUpdate(manager, { sirets, names });
    const byKey = new Map<string, Organisation>();
    for (const organisation of found) {
      if (organisation.siret) byKey.set(`siret:${organisation.siret}`, organisation);
      byKey.set(`name:${organisation.kind}:${organisation.name}`, organisation);
    }
    return byKey;
  }

  /** What the row needs written, or why it is refused; nothing is written for a refused row. */
  private plan(
    row: ImportRow,
    found: Organisation | null,
    conventions: Map<string, Convention>,
    members: Set<string>,
    subscriptions: Map<string, Subscription[]>,
    caller: Caller,
    activate: boolean,
  ): Plan | RowProblem[] {
    const at = row.row;
    const wanted = row.organisation;
    const target = found ?? { id: '', kind: wanted.kind, departments: wanted.departments };
    if (!canManage(caller, target)) return [problem(at, 'departments', 'outside_competence')];
    if (found) {
      const field = difference(found, row);
      if (field) return [problem(at, field, 'conflicts_with_existing')];
      if (found.status === OrganisationStatus.Revoked) return [problem(at, 'name', 'revoked')];
    }
    const organisation: Organisation = found ?? {
      id: randomUUID(),
      kind: wanted.kind,
      name: wanted.name,
      sector: row.sector,
      siret: wanted.siret ?? null,
      cnapsNumber: wanted.cnapsNumber ?? null,
      status: activate ? OrganisationStatus.Active : OrganisationStatus.Pending,
      departments: wanted.departments,
      revision: 0,
      statusChangedAt: new Date(),
      statusChangedBy: actorOf(caller),
      statusReason: activate ? 'imported' : null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const problems: RowProblem[] = [];
    const joins: Convention[] = [];
    for (const code of row.conventions) {
      const convention = conventions.get(code);
      if (!convention) {
        problems.push(problem(at, 'conventions', 'unknown_convention', code));
        continue;
      }
      if (members.has(`${convention.id}:${organisation.id}`)) continue;
      const refusals = joinProblems(organisation, convention).flatMap((error) => error.problems);
      if (convention.status !== ConventionStatus.Signed) refusals.push(`convention ${code} is ${convention.status}`);
      if (refusals.length) problems.push(problem(at, 'conventions', 'convention_refused', refusals.join('; ')));
      else joins.push(convention);
    }
    let subscription: Subscription | null = null;
    const held = subscriptions.get(organisation.id) ?? [];
    if (row.subscription && !held.some((existing) => matches(existing, row))) {
      const departments = [...new Set(row.subscription.departments)];
      const refusals = departmentProblems(departments, organisation).flatMap((error) => error.problems);
      if (refusals.length)
        problems.push(problem(at, 'subscriptionDepartments', 'subscription_refused', refusals.join('; ')));
      else if (held.length >= MAX_SUBSCRIPTIONS)
        problems.push(problem(at, 'subscriptionDepartments', 'too_many_subscriptions'));
      subscription = {
        id: randomUUID(),
        organisationId: organisation.id,
        departments,
        eventCodes: [...new Set(row.subscription.eventCodes ?? [])],
        minimumSeverity: row.subscription.minimumSeverity ?? AlertSeverity.Unknown,
        sectors: [],
        includeExercises: false,
        createdAt: new Date(),
      };
    }
    if (problems.length) return problems;
    return { organisation, isNew: found === null, joins, subscription };
  }
}
