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
      'Signing secret: shown in this response only. Each delivery carries Vigie-Signature: v1=<hex HMAC-SHA256(secret, "<Vigie-Timestamp>.<raw body>")>.',
    example: 'whsec_Q2hhbmdlIG1lOiB0aGlzIGlzIGFuIGV4YW1wbGUgb25seQ',
  })
  secret: string;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
}
