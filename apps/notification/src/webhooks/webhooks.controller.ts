import { Body, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { RegisterWebhookDto } from './dto/register-webhook.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { RegisteredWebhookView, RotatedSecretView, WebhookView } from './dto/webhook.view';
import { WebhooksService } from './webhooks.service';

const NOT_YOURS = 'No webhook with this id belongs to your organisation.';
const AT_MAXIMUM = 'The organisation already has the maximum number of active webhooks.';

@ServiceController('v1/webhooks', 'webhooks', [ApiKeyRole.Subscriber])
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Endpoint('POST', undefined, {
    summary: "Register an endpoint for the caller's organisation. The signing secret is in this response only.",
    created: RegisteredWebhookView,
    badRequest: 'The URL is malformed, not https, carries credentials or targets a non-public address.',
    conflict: AT_MAXIMUM,
  })
  register(@Body() input: RegisterWebhookDto, @CurrentCaller() caller: Caller): Promise<RegisteredWebhookView> {
    return this.webhooks.register(input, caller);
  }

  @Endpoint('GET', undefined, {
    summary: "The caller's organisation's webhooks, disabled ones included. Secrets are never shown again.",
    ok: [WebhookView],
  })
  list(@CurrentCaller() caller: Caller): Promise<WebhookView[]> {
    return this.webhooks.list(caller);
  }

  @Endpoint('DELETE', ':id', {
    status: 204,
    summary:
      'Disable one of your webhooks (as POST /v1/webhooks/{id}/disable): deliveries still due to it are abandoned (dead).',
    noContent: 'Disabled (or already disabled).',
    notFound: NOT_YOURS,
  })
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.webhooks.disable(id, caller);
  }

  @Endpoint('POST', ':id/disable', {
    status: 200,
    summary:
      'Disable one of your webhooks: it receives nothing, deliveries still due to it are abandoned (dead: redeliverable once it is enabled again) and none is created for it while disabled.',
    ok: { type: WebhookView, description: 'Disabled (or already disabled).' },
    notFound: NOT_YOURS,
  })
  disable(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<WebhookView> {
    return this.webhooks.disable(id, caller);
  }

  @Endpoint('POST', ':id/enable', {
    status: 200,
    summary:
      'Enable a disabled webhook (whatever disabled it): it receives the messages routed from now on; its count of failures starts again from zero.',
    ok: { type: WebhookView, description: 'Enabled (or already enabled).' },
    notFound: NOT_YOURS,
    conflict: AT_MAXIMUM,
  })
  enable(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<WebhookView> {
    return this.webhooks.enable(id, caller);
  }

  @Endpoint('POST', ':id/secret', {
    status: 200,
    summary:
      'Rotate the signing secret. The new one is in this response only; the replaced one keeps signing beside it (two signatures in webhook-signature) until the overlap ends.',
    ok: RotatedSecretView,
    badRequest: 'overlapSeconds is not an integer between 0 and 604800.',
    notFound: NOT_YOURS,
  })
  rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RotateSecretDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RotatedSecretView> {
    return this.webhooks.rotate(id, input, caller);
  }
}
