import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { RegisterWebhookDto } from './register-webhook.dto';

/** The most webhooks one import may register (the registry's import takes as many organisations). */
export const MAX_WEBHOOK_IMPORT_ROWS = 10_000;

export class WebhookImportRowDto extends RegisterWebhookDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation the endpoint belongs to' })
  @IsUUID()
  organisationId: string;
}

export class WebhookImportDto {
  @ApiProperty({
    type: WebhookImportRowDto,
    isArray: true,
    maxItems: MAX_WEBHOOK_IMPORT_ROWS,
    description: 'Each row is validated on its own: a refused row is reported, the others are registered.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WEBHOOK_IMPORT_ROWS)
  webhooks: unknown[];
}

export class WebhookImportResultView {
  @ApiProperty({ example: 1, description: 'Position of the row, from 1' }) row: number;
  @ApiProperty({
    enum: ['created', 'unchanged'],
    description: 'unchanged: the organisation already has this URL, active',
  })
  outcome: 'created' | 'unchanged';
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ example: 'https://alarms.gardiennage-rhone.fr/vigie/webhook' }) url: string;
  @ApiPropertyOptional({
    description: 'The signing secret of a created webhook, in this answer only (never for an unchanged one)',
    example: 'whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=',
  })
  secret?: string;
}

export class WebhookImportProblemView {
  @ApiProperty({ example: 2 }) row: number;
  @ApiProperty({ example: 'url' }) field: string;
  @ApiProperty({
    example: 'invalid_value',
    description:
      'invalid_value, unknown_organisation (not known yet, or not one the caller manages), too_many_webhooks',
  })
  code: string;
  @ApiProperty({ example: 'La valeur du champ « url » n’est pas valide.' }) message: string;
  @ApiPropertyOptional({ example: 'https is required' }) detail?: string;
}

export class WebhookImportReportView {
  @ApiProperty({ example: 2 }) rows: number;
  @ApiProperty({ example: 1 }) created: number;
  @ApiProperty({ example: 0 }) unchanged: number;
  @ApiProperty({ example: 1 }) refused: number;
  @ApiProperty({ type: WebhookImportResultView, isArray: true }) results: WebhookImportResultView[];
  @ApiProperty({ type: WebhookImportProblemView, isArray: true }) problems: WebhookImportProblemView[];
}
