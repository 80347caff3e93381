import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Webhook } from '../webhook.entity';

export class WebhookView {
  @ApiProperty({ format: 'uuid', example: '0e6f2a4c-8f1b-4d3e-9a57-2c1d7b9e4f60' }) id: string;
  @ApiProperty({ example: 'https://alarms.gardiennage-rhone.fr/vigie/webhook' }) url: string;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({
    description:
      'Set once the webhook is deleted, or when its endpoint answered 410 Gone; no alert is sent to it after that.',
    nullable: true,
    type: String,
    example: null,
  })
  disabledAt: string | null;

  static of(webhook: Webhook): WebhookView {
    return {
      id: webhook.id,
      url: webhook.url,
      createdAt: webhook.createdAt.toISOString(),
      disabledAt: webhook.disabledAt ? webhook.disabledAt.toISOString() : null,
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
