import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import {
  OrganisationStatus,
  type ApiKeyRole,
  type ConventionMembershipState,
  type OrganisationKind,
} from '@vigie/contracts';
import { ForbiddenError } from '@vigie/platform';
import type { PersonClaims } from './person-token';

/** Who is calling: resolved from the API key by the guard, attached to the request. */
export interface Caller {
  /** Null for the platform administrator, who belongs to no organisation. */
  organisationId: string | null;
  kind: OrganisationKind | null;
  departments: string[];
  /**
   * The organisation's convention memberships, read with the key or the person's organisation by
   * services whose directory holds them (absent elsewhere).
   */
  conventions?: ConventionMembershipState[];
  roles: ApiKeyRole[];
  /** Holds the admin role: acts everywhere. */
  isAdmin: boolean;
  /** The API key's id; for a person, their session's id. */
  keyId: string;
  /** The person acting, when the caller presented a person access token (the console); absent for API keys. */
  person?: { id: string; name: string; expiresAt: number } | null;
}

/** The caller's organisation as a service knows it, read with the key or the person's claims. */
export interface CallerOrganisation {
  kind: OrganisationKind;
  status: OrganisationStatus;
  departments: string[];
  /** Where the organisation's conventions count it as a member, when the service's directory holds them. */
  conventions?: ConventionMembershipState[];
}

/** The caller acting for an organisation, which must be ACTIVE (another status → 403). */
export function callerActingFor(
  organisation: CallerOrganisation,
  identity: Pick<Caller, 'organisationId' | 'roles' | 'isAdmin' | 'keyId' | 'person'>,
): Caller {
  if (organisation.status !== OrganisationStatus.Active) {
    throw new ForbiddenError(`organisation is ${organisation.status.toLowerCase()}`);
  }
  return {
    organisationId: identity.organisationId,
    kind: organisation.kind,
    departments: organisation.departments,
    ...(organisation.conventions ? { conventions: organisation.conventions } : {}),
    roles: identity.roles,
    isAdmin: identity.isAdmin,
    keyId: identity.keyId,
    ...(identity.person ? { person: identity.person } : {}),
  };
}

export const REQUIRED_ROLES = 'vigie:required-roles';

/** The route needs a key with one of these roles (the admin role always passes). */
export const RequireRoles = (...roles: ApiKeyRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});

/** How a service turns a presented key into a caller; each service resolves from its own data. */
export interface CallerResolver {
  resolve(keyId: string, secret: string): Promise<Caller>;
  /** A person whose access token was verified: their organisation as this service knows it. */
  resolvePerson(claims: PersonClaims): Promise<Caller>;
}

export const CALLER_RESOLVER = Symbol('CALLER_RESOLVER');
