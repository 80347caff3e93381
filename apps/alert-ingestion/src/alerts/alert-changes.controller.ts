import { Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { declaredOrigin, readCancellation, readUpdate } from './alert-bodies';
import { ApiAlertCancelBody, ApiAlertUpdateBody } from './alert-negotiation.openapi';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/alert.view';
import { ApiPostedMessage, Posted, type PostedMessage } from './posted-message';

/** Updates, cancellations and history: the immutable chain of an alert (CAP references). */
@ServiceController('v1/alerts/:id', 'alerts', [ApiKeyRole.Publisher])
export class AlertChangesController {
  constructor(private readonly alerts: AlertsService) {}

  @Post('updates')
  @ApiOperation({
    summary:
      'Update an alert: a new CAP message (msgType Update) referencing the earlier ones, in JSON or as a CAP Update document. Sender only.',
  })
  @ApiAlertUpdateBody()
  @ApiPostedMessage({
    conflict: 'The alert was cancelled.',
    unprocessable: 'The references name no message you sent, or another alert.',
  })
  async update(@Param('id', ParseUUIDPipe) id: string, @Posted() posted: PostedMessage): Promise<AlertView> {
    const submission = await readUpdate(posted.contentType, posted.body);
    const details = { idempotencyKey: posted.idempotencyKey, declared: declaredOrigin(submission) };
    return posted.answer(await this.alerts.update(id, submission.input, posted.caller, details));
  }

  @Post('cancel')
  @ApiOperation({
    summary:
      'Cancel an alert: a CAP message (msgType Cancel) with the reason, from `{ note }` in JSON or a CAP Cancel document. Sender only.',
  })
  @ApiAlertCancelBody()
  @ApiPostedMessage({
    conflict: 'The alert was already cancelled.',
    unprocessable: 'The references name no message you sent, or another alert.',
  })
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Posted() posted: PostedMessage): Promise<AlertView> {
    const { cancellation, cap } = await readCancellation(posted.contentType, posted.body);
    const details = { idempotencyKey: posted.idempotencyKey, declared: declaredOrigin({ cap }) };
    return posted.answer(await this.alerts.cancel(id, cancellation, posted.caller, details));
  }

  @Get('chain')
  @RequireRoles(ApiKeyRole.Publisher, ApiKeyRole.Subscriber)
  @ApiOperation({
    summary:
      'The update/cancel chain of an alert you sent or received: the messages of it you sent or received, oldest first. The read is recorded in the audit trail.',
  })
  @ApiOkResponse({ type: AlertView, isArray: true })
  @ApiNotFoundResponse({ description: 'No such alert, or not yours to see.' })
  async chain(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<AlertView[]> {
    return (await this.alerts.chain(id, caller)).map(AlertView.of);
  }

  @Get('history')
  @ApiOperation({
    summary: 'Every message of the alert’s chain, oldest first. Sender only. The read is recorded in the audit trail.',
  })
  @ApiOkResponse({ type: AlertView, isArray: true })
  async history(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<AlertView[]> {
    return (await this.alerts.history(id, caller)).map(AlertView.of);
  }
}
