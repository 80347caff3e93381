import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '@vigie/access';
import { ApiIdempotencyKey, idempotencyKeyOf } from '../idempotency/idempotency-key.decorator';
import type { Submission } from './alerts.service';
import { AlertView } from './dto/alert.view';

/**
 * A CAP message POSTed to one of the alert routes (a new alert, an update, a cancellation): the
 * body as it came (JSON or CAP XML, read by alert-bodies), who sends it and its Idempotency-Key.
 */
export interface PostedMessage {
  body: unknown;
  contentType: string | undefined;
  caller: Caller;
  idempotencyKey: string | undefined;
  /** The answer to the POST: the alert, marked `Idempotent-Replayed` when an earlier request created it. */
  answer(submission: Submission): AlertView;
}

/** The route's PostedMessage; a malformed Idempotency-Key is a 400 before the body is read. */
export const Posted = createParamDecorator((_: unknown, context: ExecutionContext): PostedMessage => {
  const http = context.switchToHttp();
  const request = http.getRequest<Request & { caller: Caller }>();
  return {
    body: request.body as unknown,
    contentType: request.header('content-type'),
    caller: request.caller,
    idempotencyKey: idempotencyKeyOf(request),
    answer({ alert, created }) {
      if (!created) http.getResponse<Response>().setHeader('Idempotent-Replayed', 'true');
      return AlertView.of(alert);
    },
  };
});

/**
 * OpenAPI of a route that takes a PostedMessage: the alert it answers with, its Idempotency-Key,
 * and why the message may be refused. Applied in this order, the route's own 422 description
 * replaces the Idempotency-Key's.
 */
export const ApiPostedMessage = (refused: { conflict: string; unprocessable: string }): MethodDecorator =>
  applyDecorators(
    ApiIdempotencyKey(),
    ApiUnprocessableEntityResponse({ description: refused.unprocessable }),
    ApiConflictResponse({ description: refused.conflict }),
    ApiCreatedResponse({ type: AlertView }),
  );
