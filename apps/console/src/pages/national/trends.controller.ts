import { Controller, Query } from '@nestjs/common';
import { StatisticsClient, type AlertFigures } from '../../clients/statistics.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { CsvDownload, PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { scopeWords } from './national.model';
import { byEventType, bySeverity, daysOf, trendDaysOf, trendsCsv, type TrendDays } from './trends.model';
import { TrendsPage } from './trends.view';

const DAY_MS = 86_400_000;

/** Alerts per day by event type and by severity, for the State desks (each service scopes the figures). */
@Controller()
export class TrendsController {
  constructor(private readonly statistics: StatisticsClient) {}

  @PageGet('tendances')
  async page(@Viewer() viewer: SignedIn, @Query('jours') jours: unknown): Promise<string> {
    const days = trendDaysOf(jours);
    const { figures, dayList } = await this.figures(viewer, days);
    const scope = scopeWords(figures.departments);
    return renderPage(
      TrendsPage({
        days,
        scope,
        events: byEventType(figures, dayList),
        severities: bySeverity(figures, dayList),
        ...pageFrame(viewer),
      }),
    );
  }

  @CsvDownload('tendances.csv', 'tendances.csv')
  async csv(@Viewer() viewer: SignedIn, @Query('jours') jours: unknown): Promise<string> {
    const { figures, dayList } = await this.figures(viewer, trendDaysOf(jours));
    return trendsCsv(byEventType(figures, dayList), bySeverity(figures, dayList));
  }

  private async figures(viewer: SignedIn, days: TrendDays): Promise<{ figures: AlertFigures; dayList: string[] }> {
    if (!viewer.stateDesk) throw new NotForYou();
    const to = new Date();
    const from = new Date(to.getTime() - days * DAY_MS);
    const figures = await this.statistics.alerts(viewer.bearer, { from, to });
    return { figures, dayList: daysOf(from, to) };
  }
}
