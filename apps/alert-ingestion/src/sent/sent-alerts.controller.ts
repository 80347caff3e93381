import { Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { InvalidRequestError, PageCursor, PageLimit, nextPageLink, nextPageLinkHeader, pageOf } from '@vigie/platform';
import { AlertReadAudit } from '../alerts/alert-read.audit';
import { decodeCursor, encodeCursor } from '../alerts/alert.cursor';
import { latestSent } from '../alerts/alerts.queries';
import { AlertView } from '../alerts/dto/alert.view';

export class SentAlertsQuery {
  @PageCursor('The cursor of the next page, as the `Link` header (rel="next") of the previous page gave it')
  cursor?: string;
  @PageLimit({ fallback: 50, maximum: 200 })
  limit?: number;
}

/**
 * What the caller's organisation reported: one entry per alert chain, its latest message (so a
 * cancelled report shows as cancelled), the most recently changed first, a page at a time. Alerts
 * routed to the organisation are not here: GET /v1/alerts lists both.
 */
@ServiceController('v1/sent-alerts', 'alerts')
export class SentAlertsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: AlertReadAudit,
  ) {}

  @Endpoint('GET', undefined, {
    roles: [ApiKeyRole.Publisher],
    summary:
      'The alerts your organisation sent: the latest message of each chain (Alert, Update or Cancel), most recent first (keyset pagination: the next page is in the `Link` header). Each TLP:RED alert listed is recorded as read in the audit trail.',
    ok: { type: AlertView, isArray: true, headers: nextPageLinkHeader('/v1/sent-alerts') },
    badRequest: 'A limit out of 1–200, or a cursor this API did not return.',
  })
  async list(
    @Query() query: SentAlertsQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView[]> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null)
      throw new InvalidRequestError([{ field: 'cursor', problems: ['cursor is not one this API returned'] }]);
    const limit = query.limit ?? 50;
    // One more than a page tells whether another follows.
    const rows = await latestSent(this.dataSource.manager, caller.organisationId!, { after, limit: limit + 1 });
    const { page, nextCursor } = pageOf(rows, limit, (last) =>
      encodeCursor({ sent: last.sent.toISOString(), id: last.id }),
    );
    const alerts = page.map((row) => row.snapshot);
    await this.reads.recordListed(caller, alerts);
    if (nextCursor) response.setHeader('Link', nextPageLink('/v1/sent-alerts', nextCursor, query.limit));
    return alerts.map((snapshot) => AlertView.of(snapshot));
  }
}
