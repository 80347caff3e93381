import { BadRequestException, Controller, Query } from '@nestjs/common';
import { ServiceCallError } from '../../clients/service-call';
import { StatisticsClient } from '../../clients/statistics.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { scopeWords } from '../national/national.model';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { escalationRow, pageCursorOf } from './escalations.model';
import { EscalationsPage } from './escalations.view';

const PAGE_SIZE = 50;

/** The open escalations, oldest first, for the State desks (notification scopes them and hides content, ADR 40). */
@Controller()
export class EscalationsController {
  constructor(private readonly statistics: StatisticsClient) {}

  @PageGet('escalades')
  async page(@Viewer() viewer: SignedIn, @Query('suite') suite: unknown): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    const cursor = pageCursorOf(suite);
    if (cursor === null) throw new BadRequestException('page cursor');
    const [page, counts] = await Promise.all([
      this.statistics.openEscalationPage(viewer.bearer, { cursor, limit: PAGE_SIZE }).catch((error: unknown) => {
        // A cursor notification did not write (an edited link) is the person's mistake, not an outage.
        if (error instanceof ServiceCallError && error.status === 400) throw new BadRequestException('page cursor');
        throw error;
      }),
      this.statistics.openEscalations(viewer.bearer),
    ]);
    const now = new Date();
    return renderPage(
      EscalationsPage({
        scope: scopeWords(page.departments),
        total: counts.total,
        rows: page.escalations.map((escalation) => escalationRow(escalation, now)),
        nextHref: page.nextCursor ? `/escalades?suite=${page.nextCursor}` : null,
        later: cursor !== undefined,
        ...pageFrame(viewer),
      }),
    );
  }
}
