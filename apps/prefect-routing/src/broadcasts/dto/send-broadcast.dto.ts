import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  Sector,
  Tlp,
  type BroadcastSnapshot,
  type RoutedRecipient,
} from '@vigie/contracts';
import {
  OptionalDepartmentList,
  OptionalEnum,
  OptionalEnumList,
  OptionalInstant,
  SnapshotProperty,
} from '@vigie/platform';
import { RecipientView } from '../../routing/routing-decision.view';
import type { Exclusion } from '../../rule-engine';

/** A vigilance message from a prefecture (or the national level) to its partners. */
export class SendBroadcastDto {
  @ApiProperty({ example: 'Vigilance renforcée : vols à la voiture bélier' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  headline: string;

  @ApiProperty({ example: 'Trois tentatives cette semaine sur des bijouteries de Marseille.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  description: string;

  @ApiPropertyOptional({ example: 'Signalez tout véhicule en repérage au 17.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  instruction?: string;

  @OptionalEnum(AlertSeverity, { default: AlertSeverity.Moderate }) severity?: AlertSeverity;

  @OptionalEnum(AlertStatus, { default: AlertStatus.Actual }) status?: AlertStatus;

  @OptionalEnum(Tlp, { default: Tlp.Green }) tlp?: Tlp;

  @OptionalInstant({ example: '2026-12-05T00:00:00+01:00' }) expires?: string;

  @OptionalDepartmentList({
    type: [String],
    example: ['13'],
    description: "Départements to reach; by default every one the sender may reach (a prefecture's own)",
  })
  departments?: string[];

  @OptionalEnumList(Sector, { description: 'Only partners of these sectors' }) sectors?: Sector[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Only members of these conventions (their ids, as the registry lists them)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  conventions?: string[];

  @OptionalEnum(AlertEventCode, { description: 'Only partners subscribed to this event code' })
  eventCode?: AlertEventCode;
}

export class BroadcastRoutingView {
  @ApiProperty({ type: RecipientView, isArray: true }) recipients: RoutedRecipient[];
  @ApiProperty({
    type: RecipientView,
    isArray: true,
    description: 'Who a rule selected but a constraint removed, and why',
  })
  excluded: Exclusion[];
  @ApiProperty({ type: [String] }) warnings: string[];
}

export class BroadcastView {
  @SnapshotProperty('The broadcast as sent: the `BroadcastSnapshot` of the `broadcast.routed` webhook')
  broadcast: BroadcastSnapshot;
  @ApiProperty({ format: 'date-time' }) routedAt: string;
  @ApiPropertyOptional({
    type: BroadcastRoutingView,
    description: 'Who received it and why: for its sender and administrators only',
  })
  routing?: BroadcastRoutingView;
}

export class BroadcastPreviewRecipient {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Bijouterie Martin' }) name: string;
  @ApiProperty({ example: 'JEWELLER' }) kind: string;
  @ApiProperty({ example: 'broadcast-audience' }) rule: string;
  @ApiProperty({ example: 'Member of the jewellery convention in département 69' }) reason: string;
}

export class BroadcastPreviewExclusion {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'TLP:AMBER — not a member of the sender’s convention' }) reason: string;
}

/** Who a draft broadcast would reach, by name, and why: shown before the sender confirms. */
export class BroadcastPreviewView {
  @ApiProperty({ type: [String], example: ['69'] }) departments: string[];
  @ApiProperty({ type: [BroadcastPreviewRecipient] }) recipients: BroadcastPreviewRecipient[];
  @ApiProperty({ type: [BroadcastPreviewExclusion] }) excluded: BroadcastPreviewExclusion[];
  @ApiProperty({ type: [String] }) warnings: string[];
}
