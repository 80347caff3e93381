import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Geography } from '@vigie/geo';
import { lockUntilCommit } from '@vigie/persistence';
import { AuditLog } from '../audit/audit.log';
import { PartnerEvents } from '../organisations/partner.events';
import { ConventionMember } from './convention-member.entity';
import { Convention } from './convention.entity';
import { CONVENTIONS } from './conventions.data';
import { CONVENTION_DEPLOYMENTS, deploymentsOf, type ConventionDeployments } from './conventions.deployments';
import { ConventionView } from './dto/convention.view';

type Wanted = Omit<Convention, 'id'>;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((entry, index) => entry === b[index]);

function differs(stored: Convention, wanted: Wanted): boolean {
  return (
    stored.name !== wanted.name ||
    stored.sector !== wanted.sector ||
    stored.status !== wanted.status ||
    stored.signedOn !== wanted.signedOn ||
    !sameList(stored.signatories, wanted.signatories) ||
    !sameList(stored.departments, wanted.departments)
  );
}

/**
 * Keeps the conventions table in line with conventions.data.ts and the configured deployments,
 * at every start, under an advisory lock. It needs neither the départements table nor any
 * organisation, so it may run before or after the départements seeder. When a convention's
 * sector or départements change, its members' snapshots are republished (partner.changed.v1),
 * as the services that entitle partners read them from there.
 */
@Injectable()
export class ConventionsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConventionsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: PartnerEvents,
    private readonly audit: AuditLog,
    @Inject(CONVENTION_DEPLOYMENTS) private readonly configured: ConventionDeployments | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const deployments = deploymentsOf(
      CONVENTIONS.map((definition) => definition.code),
      Geography.official()
        .departments()
        .map((department) => department.code),
      this.configured,
    );
    const outcome = await this.dataSource.transaction(async (manager) => {
      await lockUntilCommit(manager, 'vigie.registry.seed-conventions');
      const counts = { created: 0, updated: 0, republished: 0 };
      const republish = new Set<string>();
      for (const definition of CONVENTIONS) {
        const wanted: Wanted = { ...definition, departments: deployments.get(definition.code)! };
        const stored = await manager.findOne(Convention, {
          where: { code: definition.code },
          lock: { mode: 'pessimistic_write' },
        });
        if (!stored) {
          const id = randomUUID();
          await manager.insert(Convention, { id, ...wanted });
          await this.audit.record(manager, 'seed', {
            action: 'convention.seeded',
            entity: 'convention',
            entityId: id,
            organisationId: null,
            after: ConventionView.of({ id, ...wanted }),
          });
          counts.created += 1;
          continue;
        }
        if (!differs(stored, wanted)) continue;
        await manager.update(Convention, stored.id, wanted);
        await this.audit.record(manager, 'seed', {
          action: 'convention.updated',
          entity: 'convention',
          entityId: stored.id,
          organisationId: null,
          before: ConventionView.of(stored),
          after: ConventionView.of({ id: stored.id, ...wanted }),
        });
        counts.updated += 1;
        if (stored.sector !== wanted.sector || !sameList(stored.departments, wanted.departments)) {
          const members = await manager.find(ConventionMember, { where: { conventionId: stored.id } });
          for (const member of members) republish.add(member.organisationId);
        }
      }
      // In a fixed order, so that two transactions never lock the same organisations crosswise.
      for (const organisationId of [...republish].sort()) await this.events.changed(manager, organisationId);
      counts.republished = republish.size;
      return counts;
    });
    if (outcome.created + outcome.updated > 0) {
      this.logger.log(
        `conventions: ${outcome.created} seeded, ${outcome.updated} updated, ` +
          `${outcome.republished} member organisations republished`,
      );
    }
  }
}
