import { PageCursor, PageLimit } from '@vigie/platform';

export class ReceivedBroadcastsQuery {
  @PageCursor('The cursor of the next page, as the `Link` header (rel="next") of the previous page gave it')
  cursor?: string;
  @PageLimit({ fallback: 100, maximum: 100 })
  limit?: number;
}
