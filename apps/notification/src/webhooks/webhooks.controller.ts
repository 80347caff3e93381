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
import { RegisteredWebhookView, WebhookView } from './dto/webhook.view';
import { WebhooksService } from './webhooks.service';

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
  @ApiOperation({ summary: 'Disable one of your webhooks: deliveries still due to it are abandoned (dead).' })
  @ApiNoContentResponse({ description: 'Disabled (or already disabled).' })
  @ApiNotFoundResponse({ description: 'No webhook with this id belongs to your organisation.' })
  disable(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.webhooks.disable(id, caller);
  }
}
