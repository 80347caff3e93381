import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { PartnerEvents } from '../organisations/partner.events';
import { Department } from './department.entity';

/**
 * Seeds every département of the official list with its prefecture, once. Runs under an
 * advisory lock so concurrent instances do not seed twice; each prefecture is announced with
 * partner.changed.v1 like any other organisation.
 */
@Injectable()
export class DepartmentsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DepartmentsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: PartnerEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['vigie.registry.seed-departments']);
      const known = new Set((await manager.find(Department, { select: { code: true } })).map((d) => d.code));
      let count = 0;
      for (const department of Geography.official().departments()) {
        if (known.has(department.code)) continue;
        const prefecture = manager.create(Organisation, {
          id: randomUUID(),
          kind: OrganisationKind.Prefecture,
          name: department.prefectureName,
          status: OrganisationStatus.Active,
          departments: [department.code],
          revision: 1,
          statusChangedAt: new Date(),
          statusChangedBy: 'seed',
          statusReason: 'official list of départements',
        });
        await manager.save(prefecture);
        await manager.insert(Department, {
          code: department.code,
          name: department.name,
          prefectureOrganisationId: prefecture.id,
        });
        await this.events.changed(manager, prefecture);
        count += 1;
      }
      return count;
    });
    if (seeded > 0) this.logger.log(`seeded ${seeded} départements and their prefectures`);
  }
}
