import {
  applyDecorators,
  createParamDecorator,
  Get,
  SetMetadata,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import {
  ApiKeyRole,
  OrganisationStatus,
  statisticsScope,
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

/**
 * The départements whose figures the caller may count (null: every one), or 403 for a caller
 * who may count none (a partner): one refusal for every statistics route.
 */
export function statisticsScopeOf(
  caller: Caller,
  refusal = 'statistics are for prefectures and the national level',
): string[] | null {
  const scope = statisticsScope(caller);
  if (scope === undefined) throw new ForbiddenError(refusal);
  return scope;
}

/** The `departments` of a statistics view: the scope its figures cover. */
export const ScopeDepartmentsProperty = (verb: 'counted' | 'listed' = 'counted'): PropertyDecorator =>
  ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    description: `The départements ${verb}; null means every département (national level)`,
  });

/**
 * A GET route of figures scoped by `statisticsScopeOf`: open to subscriber and operator keys and
 * people, refused (403) to whoever may count nothing.
 */
export const StatisticsRead = (summary: string, view: Type<unknown>): MethodDecorator =>
  applyDecorators(
    Get(),
    RequireRoles(ApiKeyRole.Subscriber, ApiKeyRole.Operator),
    ApiOperation({ summary }),
    ApiOkResponse({ type: view }),
    ApiForbiddenResponse({ description: 'The caller is neither a prefecture, a State force nor the national level.' }),
  );

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
