import { Controller, Query } from '@nestjs/common';
import { StatisticsClient } from '../../clients/statistics.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { delayRows, delaySortOf } from './acknowledgement-delays.model';
import { AcknowledgementDelaysPage } from './acknowledgement-delays.view';
import { scopeWords } from './national.model';
import { trendDaysOf } from './trends.model';

const DAY_MS = 86_400_000;

/** Time to acknowledge per prefecture, for the State desks (notification scopes the figures, ADR 36). */
@Controller()
export class AcknowledgementDelaysController {
  constructor(private readonly statistics: StatisticsClient) {}

  @PageGet('delais-acquittement')
  async page(@Viewer() viewer: SignedIn, @Query('jours') jours: unknown, @Query('tri') tri: unknown): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    const days = trendDaysOf(jours);
    const sort = delaySortOf(tri);
    const to = new Date();
    const figures = await this.statistics.timeToAcknowledge(viewer.bearer, {
      from: new Date(to.getTime() - days * DAY_MS),
      to,
    });
    return renderPage(
      AcknowledgementDelaysPage({
        days,
        sort,
        scope: scopeWords(figures.departments),
        rows: delayRows(figures.prefectures, sort),
        ...pageFrame(viewer),
      }),
    );
  }
}
