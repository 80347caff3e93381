import { Controller, NotFoundException, Param, Query } from '@nestjs/common';
import { IngestionClient } from '../../clients/ingestion.client';
import { StatisticsClient } from '../../clients/statistics.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet } from '../page-routes';
import { pageFrame, viewerOf } from '../viewer-of';
import { DepartmentPage } from './department.view';
import { MapPage } from './map.view';
import { departmentName, mapFigures, mapModeOf } from './national.model';

const HOUR_MS = 3_600_000;

/** The national map (national level) and each département's page (national level, or its prefecture). */
@Controller()
export class MapController {
  constructor(
    private readonly statistics: StatisticsClient,
    private readonly ingestion: IngestionClient,
  ) {}

  @PageGet('carte')
  async map(@Viewer() viewer: SignedIn, @Query('couleur') couleur: unknown): Promise<string> {
    if (!viewerOf(viewer).national) throw new NotForYou();
    const mode = mapModeOf(couleur);
    const now = new Date();
    const counts =
      mode === 'alertes'
        ? (await this.statistics.alerts(viewer.bearer, { from: new Date(now.getTime() - 24 * HOUR_MS), to: now }))
            .byDepartment
        : (await this.statistics.openEscalations(viewer.bearer)).byDepartment;
    const figures = mapFigures(counts);
    const total = [...figures.values()].reduce((sum, figure) => sum + figure.count, 0);
    return renderPage(MapPage({ mode, figures, total, ...pageFrame(viewer) }));
  }

  @PageGet('departements/:code')
  async department(@Viewer() viewer: SignedIn, @Param('code') code: string): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    const name = departmentName(code);
    const page = viewerOf(viewer);
    // Another prefecture's département is not this desk's to see: as if it did not exist.
    if (!name || (!page.national && !viewer.person.departments.includes(code))) throw new NotFoundException();
    const now = new Date();
    const [lastDay, lastMonth, escalations, alerts] = await Promise.all([
      this.statistics.alerts(viewer.bearer, {
        from: new Date(now.getTime() - 24 * HOUR_MS),
        to: now,
        department: code,
      }),
      this.statistics.alerts(viewer.bearer, {
        from: new Date(now.getTime() - 30 * 24 * HOUR_MS),
        to: now,
        department: code,
      }),
      this.statistics.openEscalations(viewer.bearer),
      this.ingestion.alerts(viewer.bearer, { department: code, limit: '20' }),
    ]);
    return renderPage(
      DepartmentPage({
        model: {
          code,
          name,
          lastDay: lastDay.total,
          lastMonth: lastMonth.total,
          openEscalations: escalations.byDepartment.find((row) => row.department === code)?.count ?? 0,
          bySeverity: lastMonth.bySeverity,
          byEventCode: lastMonth.byEventCode,
          alerts: alerts.alerts,
        },
        viewer: page,
        csrfToken: viewer.csrfToken,
      }),
    );
  }
}
