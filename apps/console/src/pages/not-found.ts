import { ParseUUIDPipe } from '@nestjs/common';
import { ServiceCallError } from '../clients/service-call';

/** A page that does not exist, answered as the error page's 404 (another organisation's item is one too). */
export const notFound = (): ServiceCallError => new ServiceCallError('console', 404, null);

/** An id in a page's URL: anything but a UUID is a page that does not exist. */
export const pageId = new ParseUUIDPipe({ exceptionFactory: notFound });
