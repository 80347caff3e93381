import { applyDecorators, HttpStatus, Post, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRoles } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';

/**
 * A POST by which a recipient acknowledges what was routed to its organisation, once: 201 the
 * first time, 200 with the same body afterwards (`answerOnce` sets which).
 */
export const AcknowledgeOnceRoute = (
  path: string | undefined,
  summary: string,
  view: Type<unknown>,
  notFound: string,
): MethodDecorator =>
  applyDecorators(
    Post(path),
    RequireRoles(ApiKeyRole.Subscriber),
    ApiOperation({ summary }),
    ApiCreatedResponse({ type: view }),
    ApiOkResponse({ type: view, description: 'Already acknowledged: nothing changed.' }),
    ApiNotFoundResponse({ description: notFound }),
  );

/** 201 for a first acknowledgement, 200 for a repeated one. */
export function answerOnce(response: Response, created: boolean): void {
  response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
}
