import {
  IsArray,
  IsEnum,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertEventCode, AlertSeverity } from '../vocabulary/alert';
import {
  ApiKeyRole,
  DEPARTMENT_CODE_PATTERN,
  OrganisationKind,
  OrganisationStatus,
  ReferentRole,
  Sector,
} from '../vocabulary/organisation';
import { OptionalInstant, Text, NestedList } from './payload-fields';

/**
 * An API key as other services need it to authenticate callers: the scrypt hash of its
 * secret (`scrypt$N$r$p$salt$hash`), never the secret.
 */
export class ApiKeyState {
  @IsUUID() id: string;
  @IsString() @Matches(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/) secretHash: string;
  @IsArray() @IsEnum(ApiKeyRole, { each: true }) roles: ApiKeyRole[];
  @OptionalInstant() expiresAt: string | null;
  @OptionalInstant() revokedAt: string | null;
}

/** A convention the organisation is a member of, and where that convention is deployed. */
export class ConventionMembershipState {
  @IsUUID() conventionId: string;
  @IsEnum(Sector) sector: Sector;
  @IsArray() @Matches(DEPARTMENT_CODE_PATTERN, { each: true }) departments: string[];
}

/** What the organisation wants to receive. Empty event codes or sectors mean all. */
export class SubscriptionState {
  @IsUUID() id: string;
  @IsArray() @Matches(DEPARTMENT_CODE_PATTERN, { each: true }) departments: string[];
  @IsArray() @IsEnum(AlertEventCode, { each: true }) eventCodes: AlertEventCode[];
  @IsEnum(AlertSeverity) minimumSeverity: AlertSeverity;
  @IsArray() @IsEnum(Sector, { each: true }) sectors: Sector[];
  @IsBoolean() includeExercises: boolean;
}

/** A named contact of the organisation for one département (personal data: shown to notification only). */
export class ReferentState {
  @IsUUID() id: string;
  @Matches(DEPARTMENT_CODE_PATTERN) department: string;
  @IsEnum(ReferentRole) role: ReferentRole;
  @Text() fullName: string;
  @IsEmail() email: string;
}

/**
 * The full current state of an organisation (event-carried state transfer). Key:
 * organisation id. `revision` increases with every change so a consumer keeps the newest.
 */
export class PartnerChangedV1Payload {
  @IsUUID() organisationId: string;
  @IsInt() @Min(1) revision: number;
  @IsEnum(OrganisationKind) kind: OrganisationKind;
  @Text() name: string;
  @IsEnum(OrganisationStatus) status: OrganisationStatus;
  /** Where it operates; for a prefecture, the départements it is competent for. */
  @IsArray() @Matches(DEPARTMENT_CODE_PATTERN, { each: true }) departments: string[];
  @IsOptional() @IsEnum(Sector) sector: Sector | null;
  @NestedList(() => ApiKeyState) apiKeys: ApiKeyState[];
  @NestedList(() => ConventionMembershipState)
  conventions: ConventionMembershipState[];
  @NestedList(() => SubscriptionState) subscriptions: SubscriptionState[];
  /** Whom notification e-mails, and escalates to (DEPUTY). Absent from snapshots published before referents were carried. */
  @IsOptional()
  @NestedList(() => ReferentState)
  referents?: ReferentState[];
}

export const PartnerChangedV1 = defineEvent(Topics.PartnerChangedV1, PartnerChangedV1Payload);
