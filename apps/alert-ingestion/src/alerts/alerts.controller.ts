import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { alertRepresentation, readSubmission } from '../cap/alert-negotiation';
import { ApiAlertRepresentations, ApiAlertSubmissionBody } from '../cap/alert-negotiation.openapi';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/alert.view';

@ApiTags('alerts')
@RequireRoles(ApiKeyRole.Publisher)
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiOperation({
    summary: 'Submit an alert. It is stored and published atomically; routing follows within milliseconds.',
  })
  @ApiAlertSubmissionBody()
  @ApiCreatedResponse({ type: AlertView })
  @ApiBadRequestResponse({ description: 'Invalid body: `details` lists each field and its problems.' })
  @ApiIdempotencyKey()
  async submit(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView> {
    const { input } = await readSubmission(contentType, body);
    const { alert, created } = await this.alerts.submit(input, caller, idempotencyKey);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return AlertView.of(alert);
  }

  @Get(':id')
  @RequireRoles(ApiKeyRole.Publisher, ApiKeyRole.Subscriber)
  @ApiOperation({ summary: 'An alert your organisation sent, or one routed to it.' })
  @ApiAlertRepresentations()
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView | string> {
    return alertRepresentation(request, response, await this.alerts.get(id, caller));
  }
}
