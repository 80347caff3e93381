import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, RequireRoles, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { alertRepresentation, declaredOrigin, readSubmission } from './alert-bodies';
import { ApiAlertRepresentations, ApiAlertSubmissionBody } from './alert-negotiation.openapi';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/alert.view';
import { ApiPostedMessage, Posted, type PostedMessage } from './posted-message';

@ServiceController('v1/alerts', 'alerts', [ApiKeyRole.Publisher])
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Submit an alert, or a CAP Update or Cancel of an earlier one named in its references. It is stored and published atomically; routing follows within milliseconds.',
  })
  @ApiAlertSubmissionBody()
  @ApiBadRequestResponse({ description: 'Invalid body: `details` lists each field and its problems.' })
  @ApiPostedMessage({
    conflict: 'An Update or a Cancel of an alert that was cancelled.',
    unprocessable: 'An Update or a Cancel whose references name no message you sent, or messages of several alerts.',
  })
  async submit(@Posted() posted: PostedMessage): Promise<AlertView> {
    const submission = await readSubmission(posted.contentType, posted.body);
    const details = { idempotencyKey: posted.idempotencyKey, declared: declaredOrigin(submission) };
    return posted.answer(await this.alerts.submit(submission.input, posted.caller, details));
  }

  @Get(':id')
  @RequireRoles(ApiKeyRole.Publisher, ApiKeyRole.Subscriber)
  @ApiOperation({
    summary:
      'An alert your organisation sent, or one routed to it. The read is recorded in the audit trail (who, which key or person, when).',
  })
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
