import { Body, Controller } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, RemoveRoute } from '../access/routes';
import { CreateSubscriptionDto, SubscriptionView } from './dto/subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('subscriptions')
@Controller('v1/organizations/:id/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @CreateRoute(
    '',
    'Subscribe the organisation to alerts by département, event, minimum severity and sector (at most 50). ' +
      'Published in partner.changed.v1.',
    SubscriptionView,
    { byOperators: true },
  )
  @ApiConflictResponse({ description: 'The organisation holds the most subscriptions allowed.' })
  create(
    @UuidParam() id: string,
    @Body() input: CreateSubscriptionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SubscriptionView> {
    return this.subscriptions.create(id, input, caller);
  }

  @ReadRoute('', 'What the organisation has subscribed to.', SubscriptionView, 'list')
  list(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<SubscriptionView[]> {
    return this.subscriptions.list(id, caller);
  }

  @RemoveRoute(':subscriptionId', 'Remove a subscription. Published in partner.changed.v1.', { byOperators: true })
  remove(
    @UuidParam() id: string,
    @UuidParam('subscriptionId') subscriptionId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.subscriptions.remove(id, subscriptionId, caller);
  }
}
