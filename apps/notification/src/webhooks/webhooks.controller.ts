import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { RegisterWebhookDto } from './dto/register-webhook.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { RegisteredWebhookView, RotatedSecretView, WebhookView } from './dto/webhook.view';
import { WebhooksService } from './webhooks.service';

const NOT_YOURS = 'No webhook with this id belongs to your organisation.';

@ApiTags('webhooks')
@RequireRoles(ApiKeyRole.Subscriber)
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: "Register an endpoint for the caller's organisation. The signing secret is in this response only.",
  })
  @ApiCreatedResponse({ type: RegisteredWebhookView })
  @ApiBadRequestResponse({
    description: 'The URL is malformed, not https, carries credentials or targets a non-public address.',
  })
  @ApiConflictResponse({ description: 'The organisation already has the maximum number of active webhooks.' })
  register(@Body() input: RegisterWebhookDto, @CurrentCaller() caller: Caller): Promise<RegisteredWebhookView> {
    return this.webhooks.register(input, caller);
  }

  @Get()
  @ApiOperation({
    summary: "The caller's organisation's webhooks, disabled ones included. Secrets are never shown again.",
  })
  @ApiOkResponse({ type: WebhookView, isArray: true })
  list(@CurrentCaller() caller: Caller): Promise<WebhookView[]> {
    return this.webhooks.list(caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Disable one of your webhooks (as POST /v1/webhooks/{id}/disable): deliveries still due to it are abandoned (dead).',
  })
  @ApiNoContentResponse({ description: 'Disabled (or already disabled).' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.webhooks.disable(id, caller);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Disable one of your webhooks: it receives nothing, deliveries still due to it are abandoned (dead: redeliverable once it is enabled again) and none is created for it while disabled.',
  })
  @ApiOkResponse({ type: WebhookView, description: 'Disabled (or already disabled).' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  disable(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<WebhookView> {
    return this.webhooks.disable(id, caller);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Enable a disabled webhook (whatever disabled it): it receives the messages routed from now on; its count of failures starts again from zero.',
  })
  @ApiOkResponse({ type: WebhookView, description: 'Enabled (or already enabled).' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'The organisation already has the maximum number of active webhooks.' })
  enable(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<WebhookView> {
    return this.webhooks.enable(id, caller);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Rotate the signing secret. The new one is in this response only; the replaced one keeps signing beside it (two signatures in webhook-signature) until the overlap ends.',
  })
  @ApiOkResponse({ type: RotatedSecretView })
  @ApiBadRequestResponse({ description: 'overlapSeconds is not an integer between 0 and 604800.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RotateSecretDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RotatedSecretView> {
    return this.webhooks.rotate(id, input, caller);
  }
}
