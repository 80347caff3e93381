import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { declaredOrigin, readCancellation, readUpdate } from './alert-bodies';
import { ApiAlertCancelBody, ApiAlertUpdateBody } from './alert-negotiation.openapi';
import { AlertsService, type Submission } from './alerts.service';
import { AlertView } from './dto/alert.view';

function answer(submission: Submission, response: Response): AlertView {
  if (!submission.created) response.setHeader('Idempotent-Replayed', 'true');
  return AlertView.of(submission.alert);
}

/** Updates, cancellations and history: the immutable chain of an alert (CAP references). */
@ApiTags('alerts')
@RequireRoles(ApiKeyRole.Publisher)
@Controller('v1/alerts/:id')
export class AlertChangesController {
  constructor(private readonly alerts: AlertsService) {}

  @Post('updates')
  @ApiOperation({
    summary:
      'Update an alert: a new CAP message (msgType Update) referencing the earlier ones, in JSON or as a CAP Update document. Sender only.',
  })
  @ApiAlertUpdateBody()
  @ApiCreatedResponse({ type: AlertView })
  @ApiConflictResponse({ description: 'The alert was cancelled.' })
  @ApiUnprocessableEntityResponse({ description: 'The references name no message you sent, or another alert.' })
  @ApiIdempotencyKey()
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView> {
    const submission = await readUpdate(contentType, body);
    const details = { idempotencyKey, declared: declaredOrigin(submission) };
    return answer(await this.alerts.update(id, submission.input, caller, details), response);
  }

  @Post('cancel')
  @ApiOperation({
    summary:
      'Cancel an alert: a CAP message (msgType Cancel) with the reason, from `{ note }` in JSON or a CAP Cancel document. Sender only.',
  })
  @ApiAlertCancelBody()
  @ApiCreatedResponse({ type: AlertView })
  @ApiConflictResponse({ description: 'The alert was already cancelled.' })
  @ApiUnprocessableEntityResponse({ description: 'The references name no message you sent, or another alert.' })
  @ApiIdempotencyKey()
  async cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AlertView> {
    const { cancellation, cap } = await readCancellation(contentType, body);
    const details = { idempotencyKey, declared: declaredOrigin({ cap }) };
    return answer(await this.alerts.cancel(id, cancellation, caller, details), response);
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
