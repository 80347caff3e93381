import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { CreateSubscriptionDto, SubscriptionView } from './dto/subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('subscriptions')
@Controller('v1/organizations/:id/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Subscribe the organisation to alerts by département, event, minimum severity and sector (at most 50). ' +
      'Published in partner.changed.v1.',
  })
  @ApiCreatedResponse({ type: SubscriptionView })
  @ApiConflictResponse({ description: 'The organisation holds the most subscriptions allowed.' })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: CreateSubscriptionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SubscriptionView> {
    return this.subscriptions.create(id, input, caller);
  }

  @Get()
  @ApiOperation({ summary: 'What the organisation has subscribed to.' })
  @ApiOkResponse({ type: SubscriptionView, isArray: true })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<SubscriptionView[]> {
    return this.subscriptions.list(id, caller);
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Remove a subscription. Published in partner.changed.v1.' })
  @ApiNoContentResponse()
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('subscriptionId', ParseUUIDPipe) subscriptionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.subscriptions.remove(id, subscriptionId, caller);
  }
}
