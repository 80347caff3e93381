import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesQuery } from './dto/deliveries.query';
import { DeliveryView } from './dto/delivery.view';

@ApiTags('deliveries')
@RequireRoles(ApiKeyRole.Subscriber, ApiKeyRole.Publisher)
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'How an alert (or broadcast) is being delivered: one entry per recipient, channel and target. Its sender and administrators see every recipient; a recipient sees its own.',
  })
  @ApiOkResponse({ type: DeliveryView, isArray: true })
  @ApiBadRequestResponse({ description: 'alertId is missing or not a UUID.' })
  list(@Query() query: DeliveriesQuery, @CurrentCaller() caller: Caller): Promise<DeliveryView[]> {
    return this.deliveries.forSubject(query.alertId, caller);
  }
}
