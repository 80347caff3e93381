import { BadRequestException, Controller, Query } from '@nestjs/common';
import { IngestionClient } from '../../clients/ingestion.client';
import { NotificationClient } from '../../clients/notification.client';
import { renderPage } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet } from '../page-routes';
import { cursorRefused } from '../paging';
import { pageFrame } from '../viewer-of';
import { dayBounds, feedRow, filtersQuery, readFilters, type FeedModel } from './feed.model';
import { FeedPage } from './feed.view';

const PAGE_SIZE = 50;

@Controller('alertes')
export class FeedController {
  constructor(
    private readonly ingestion: IngestionClient,
    private readonly notification: NotificationClient,
  ) {}

  @PageGet()
  async feed(@Viewer() viewer: SignedIn, @Query() query: Record<string, unknown>): Promise<string> {
    return renderPage(FeedPage({ model: await this.model(viewer, query), ...pageFrame(viewer) }));
  }

  private async model(viewer: SignedIn, query: Record<string, unknown>): Promise<FeedModel> {
    const filters = readFilters(query);
    const cursor = typeof query.suite === 'string' && /^[\w-]{1,200}$/.test(query.suite) ? query.suite : undefined;
    const page = await this.ingestion
      .alerts(viewer.bearer, {
        status: filters.status,
        severity: filters.severity,
        eventCode: filters.eventCode,
        ...(filters.date ? dayBounds(filters.date) : {}),
        cursor,
        limit: String(PAGE_SIZE),
      })
      .catch((error: unknown) => {
        // An altered « suite » link is the person's bad request, not a service down.
        throw cursorRefused(error) ? new BadRequestException() : error;
      });
    const states = await this.notification.states(
      viewer.bearer,
      page.alerts.map((alert) => alert.alertId),
    );
    const byId = new Map(states.map((state) => [state.alertId, state]));
    return {
      filters,
      rows: page.alerts.map((alert) => feedRow(alert, byId.get(alert.alertId), viewer.person.organisationId)),
      nextHref: page.nextCursor ? `/alertes${filtersQuery(filters, page.nextCursor)}` : null,
    };
  }
}
