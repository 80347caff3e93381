import type { Caller } from '@vigie/access';
import { ForbiddenError } from '@vigie/platform';

/** Webhooks and deliveries belong to an organisation: a key outside any organisation has none. */
export function organisationOf(caller: Caller): string {
  if (!caller.organisationId) throw new ForbiddenError('an organisation API key is required');
  return caller.organisationId;
}
