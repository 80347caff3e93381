import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { OrganisationKind } from '@vigie/contracts';

/** Who is calling: resolved from the API key by the guard, attached to the request. */
export interface Caller {
  /** Null for the platform administrator, who belongs to no organisation. */
  organisationId: string | null;
  kind: OrganisationKind | null;
  departments: string[];
  isAdmin: boolean;
  keyId: string;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});

/** How a service turns a presented key into a caller; each service resolves from its own data. */
export interface CallerResolver {
  resolve(keyId: string, secret: string): Promise<Caller>;
}

export const CALLER_RESOLVER = Symbol('CALLER_RESOLVER');
