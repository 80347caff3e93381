import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  OrganisationKind,
  Sector,
  Tlp,
} from '@vigie/contracts';
import { OptionalDepartmentList, OptionalEnum, OptionalEnumList } from '@vigie/platform';
import type { RecipientSelector, RuleCondition } from '../../rule-engine';
import type { StoredRule } from '../stored-rule.entity';

export class RuleConditionDto implements RuleCondition {
  @OptionalEnumList(AlertStatus) statuses?: AlertStatus[];

  @OptionalEnum(AlertSeverity) minimumSeverity?: AlertSeverity;

  @OptionalEnumList(AlertEventCode) eventCodes?: AlertEventCode[];

  @OptionalDepartmentList({ type: [String], example: ['69'] }) departments?: string[];

  @OptionalEnumList(AlertUrgency) urgencies?: AlertUrgency[];

  @OptionalEnumList(AlertCertainty) certainties?: AlertCertainty[];

  @OptionalEnumList(Sector, { description: "The sender's sector" }) sectors?: Sector[];

  @OptionalEnumList(Tlp) tlps?: Tlp[];
}

const SELECTOR_TYPES = ['competent', 'kinds', 'subscribers', 'named', 'organisations'] as const;

export class RecipientSelectorDto {
  @ApiProperty({
    enum: SELECTOR_TYPES,
    description:
      'competent: organisations of `kinds` competent for the département (the prefecture, State forces); kinds: every organisation of `kinds` (the national level); subscribers; named: the recipients the sender named; organisations: fixed `organisationIds` (a need to know under TLP:AMBER)',
  })
  @IsIn(SELECTOR_TYPES)
  type: (typeof SELECTOR_TYPES)[number];

  @ApiPropertyOptional({ enum: OrganisationKind, isArray: true })
  @ValidateIf((selector: RecipientSelectorDto) => selector.type === 'competent' || selector.type === 'kinds')
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(OrganisationKind, { each: true })
  kinds?: OrganisationKind[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @ValidateIf((selector: RecipientSelectorDto) => selector.type === 'organisations')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  organisationIds?: string[];
}

/** A rule as written through the API; its id is in the path for a replacement. */
export class RoutingRuleBodyDto {
  @ApiProperty({ example: 'Copie des survols de drone du Rhône au centre commercial' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiProperty({
    type: [RuleConditionDto],
    description: 'The rule applies when any condition holds (every field of a condition must hold); empty: always',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleConditionDto)
  when: RuleConditionDto[];

  @ApiProperty({ type: RecipientSelectorDto })
  @ValidateNested()
  @Type(() => RecipientSelectorDto)
  select: RecipientSelectorDto;

  @ApiPropertyOptional({
    enum: Tlp,
    description: 'A label the rule imposes; the more restrictive of it and the alert’s wins',
  })
  @IsOptional()
  @IsEnum(Tlp)
  tlp?: Tlp;

  @ApiPropertyOptional({ description: 'Rules run in ascending position', default: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,62}$/;

export class CreateRoutingRuleDto extends RoutingRuleBodyDto {
  @ApiProperty({ example: 'rhone-drones-retail', description: 'Lower-case letters, digits and dashes' })
  @Matches(RULE_ID_PATTERN, { message: 'id must be 3-63 lower-case letters, digits or dashes' })
  id: string;
}

/** The selector as the engine reads it, with only the fields of its type. */
export function selectorOf(dto: RecipientSelectorDto): RecipientSelector {
  switch (dto.type) {
    case 'competent':
    case 'kinds':
      return { type: dto.type, kinds: dto.kinds! };
    case 'organisations':
      return { type: 'organisations', organisationIds: dto.organisationIds! };
    default:
      return { type: dto.type };
  }
}

export class RoutingRuleView {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [RuleConditionDto] }) when: RuleCondition[];
  @ApiProperty({ type: RecipientSelectorDto }) select: RecipientSelector;
  @ApiPropertyOptional({ enum: Tlp, type: String, nullable: true }) tlp: Tlp | null;
  @ApiProperty() position: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'A default rule shipped with Vigie' }) builtin: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerOrganisationId: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty() updatedBy: string;

  static of(rule: StoredRule): RoutingRuleView {
    return {
      id: rule.id,
      description: rule.description,
      when: rule.conditions,
      select: rule.selector,
      tlp: rule.tlp,
      position: rule.position,
      enabled: rule.enabled,
      builtin: rule.builtin,
      ownerOrganisationId: rule.ownerOrganisationId,
      updatedAt: rule.updatedAt.toISOString(),
      updatedBy: rule.updatedBy,
    };
  }
}
