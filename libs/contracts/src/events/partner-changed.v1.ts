import { Type } from 'class-transformer';
import {
  IsArray,
  IsEnum,
  IsHexadecimal,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { DEPARTMENT_CODE_PATTERN, OrganisationKind, OrganisationStatus } from '../vocabulary/organisation';

/**
 * An API key as other services need it to authenticate callers: the SHA-256 of its secret,
 * never the secret. Keys are 256-bit random, so a fast hash is enough.
 */
export class ApiKeyState {
  @IsUUID() id: string;
  @IsHexadecimal() @Length(64, 64) secretHash: string;
  @IsOptional() @IsISO8601({ strict: true }) revokedAt: string | null;
}

/**
 * The full current state of an organisation (event-carried state transfer). Key:
 * organisation id. `revision` increases with every change so a consumer keeps the newest.
 */
export class PartnerChangedV1Payload {
  @IsUUID() organisationId: string;
  @IsInt() @Min(1) revision: number;
  @IsEnum(OrganisationKind) kind: OrganisationKind;
  @IsString() @IsNotEmpty() name: string;
  @IsEnum(OrganisationStatus) status: OrganisationStatus;
  @IsArray() @Matches(DEPARTMENT_CODE_PATTERN, { each: true }) departments: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ApiKeyState) apiKeys: ApiKeyState[];
}

export const PartnerChangedV1 = defineEvent({
  type: 'partner.changed',
  version: 1,
  topic: Topics.PartnerChangedV1,
  payload: PartnerChangedV1Payload,
});
