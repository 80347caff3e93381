import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DisabledReason, Webhook } from '../webhook.entity';

export class WebhookView {
  @ApiProperty({ format: 'uuid', example: '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60' }) id: string;
  @ApiProperty({ example: 'https://alarms.gardiennage-rhone.fr/vigie/webhook' }) url: string;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({
    description: 'Set while the webhook is disabled: it receives nothing, and no delivery is created for it.',
    nullable: true,
    type: String,
    example: null,
  })
  disabledAt: string | null;
  @ApiPropertyOptional({
    enum: ['by-organisation', 'gone', 'failing'],
    nullable: true,
    example: null,
    description:
      'by-organisation (disabled or deleted through the API), gone (the endpoint answered 410), failing (it kept failing: disabled automatically and the organisation e-mailed)',
  })
  disabledReason: DisabledReason | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: null,
    description: 'Until then the secret replaced by the last rotation signs each delivery too',
  })
  previousSecretExpiresAt: string | null;

  static of(webhook: Webhook): WebhookView {
    const overlap = webhook.previousSecretExpiresAt;
    return {
      id: webhook.id,
      url: webhook.url,
      createdAt: webhook.createdAt.toISOString(),
      disabledAt: webhook.disabledAt ? webhook.disabledAt.toISOString() : null,
      disabledReason: webhook.disabledAt ? webhook.disabledReason : null,
      previousSecretExpiresAt: overlap && overlap.getTime() > Date.now() ? overlap.toISOString() : null,
    };
  }
}

export class RegisteredWebhookView {
  @ApiProperty({ format: 'uuid', example: '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60' }) id: string;
  @ApiProperty({ example: 'https://alarms.gardiennage-rhone.fr/vigie/webhook' }) url: string;
  @ApiProperty({
    description:
      'Signing secret (Standard Webhooks form: whsec_ and the base64 of the key), shown in this response only. Each delivery carries webhook-id, webhook-timestamp and webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")>; any Standard Webhooks library verifies it with this secret.',
    example: 'whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=',
  })
  secret: string;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
}

export class RotatedSecretView {
  @ApiProperty({ format: 'uuid', example: '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60' }) id: string;
  @ApiProperty({
    description: 'The new signing secret, shown in this response only.',
    example: 'whsec_RXhhbXBsZSBvbmx5OiBuZXZlciBhIHJlYWwga2V5ISE=',
  })
  secret: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2026-12-05T09:15:00.000Z',
    description:
      'Until then the replaced secret signs too (two signatures in webhook-signature); null: it stopped at once',
  })
  previousSecretExpiresAt: string | null;
}
