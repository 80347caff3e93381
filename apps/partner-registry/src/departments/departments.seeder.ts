import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { lockUntilCommit } from '@vigie/persistence';
import { OrganisationChanges } from '../organisations/organisation.changes';
import { Organisation } from '../organisations/organisation.entity';
import { competenceOf, COMPETENCE, NATIONAL_LEVEL_NAME, PREFECTURE_NAMES } from './competence';
import { Department } from './department.entity';

/**
 * Seeds, once, every département of the official list with its prefecture (competent for the
 * départements the competence table gives it) and the national level. Runs under an advisory
 * lock so concurrent instances do not seed twice; each organisation is announced with
 * partner.changed.v1 like any other.
 */
@Injectable()
export class DepartmentsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DepartmentsSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: OrganisationChanges,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const seeded = await this.dataSource.transaction(async (manager) => {
      await lockUntilCommit(manager, 'vigie.registry.seed-departments');
      if ((await manager.count(Department)) > 0) return 0;
      const departments = Geography.official().departments();
      const competence = competenceOf(departments.map((d) => d.code));
      const prefectures = new Map<string, string>();
      for (const department of departments) {
        const name = PREFECTURE_NAMES[department.code] ?? department.prefectureName;
        prefectures.set(
          department.code,
          await this.seed(manager, OrganisationKind.Prefecture, name, competence.get(department.code)!),
        );
      }
      for (const department of departments) {
        await manager.insert(Department, {
          code: department.code,
          name: department.name,
          prefectureOrganisationId: prefectures.get(department.code)!,
          competentOrganisationId: prefectures.get(COMPETENCE[department.code] ?? department.code)!,
        });
      }
      const all = departments.map((d) => d.code);
      await this.seed(manager, OrganisationKind.NationalLevel, NATIONAL_LEVEL_NAME, all);
      return departments.length;
    });
    if (seeded > 0) this.logger.log(`seeded ${seeded} départements, their prefectures and the national level`);
  }

  private async seed(
    manager: EntityManager,
    kind: OrganisationKind,
    name: string,
    departments: string[],
  ): Promise<string> {
    const id = randomUUID();
    await manager.insert(Organisation, {
      id,
      kind,
      name,
      sector: null,
      siret: null,
      cnapsNumber: null,
      status: OrganisationStatus.Active,
      departments,
      revision: 0,
      statusChangedAt: new Date(),
      statusChangedBy: 'seed',
      statusReason: 'official list of départements',
    });
    await this.changes.record(manager, 'seed', id, {
      action: 'organisation.seeded',
      entity: 'organisation',
      entityId: id,
    });
    return id;
  }
}
