import { applyDecorators, Controller, Delete, Get, HttpCode, Post, Put, type Type } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, type ApiResponseOptions } from '@nestjs/swagger';
import type { ApiKeyRole } from '@vigie/contracts';
import { RequireRoles } from './caller';

/** A success answer: a view, `[view]` for a list of them, or the response options in full. */
export type EndpointAnswer = Type<unknown> | [Type<unknown>] | ApiResponseOptions;

/** How a route is guarded and described: its roles, its summary, its success answer and the errors it documents. */
export interface EndpointDescription {
  /** The roles a key needs (the admin role always passes); none: the controller's. */
  roles?: ApiKeyRole[];
  /** The status of a POST answering other than 201, or of a DELETE answering 204. */
  status?: 200 | 202 | 204;
  summary: string;
  description?: string;
  ok?: EndpointAnswer;
  created?: EndpointAnswer;
  accepted?: EndpointAnswer;
  /** The descriptions of the answers documented by a sentence alone (204's may be empty). */
  noContent?: string;
  badRequest?: string;
  forbidden?: string;
  notFound?: string;
  conflict?: string;
}

const METHODS = { GET: Get, POST: Post, PUT: Put, DELETE: Delete };
const ANSWERS = { ok: 200, created: 201, accepted: 202 } as const;
const SENTENCES = { noContent: 204, badRequest: 400, forbidden: 403, notFound: 404, conflict: 409 } as const;

function answer(option: EndpointAnswer): ApiResponseOptions {
  if (Array.isArray(option)) return { type: option[0], isArray: true };
  return typeof option === 'function' ? { type: option } : option;
}

const entries = <T extends object>(table: T): [keyof T, T[keyof T]][] =>
  Object.entries(table) as [keyof T, T[keyof T]][];

/**
 * A route of the services: its method, path, status, roles and OpenAPI description in one
 * decorator, so that a controller reads as the list of what it answers.
 */
export const Endpoint = (
  method: keyof typeof METHODS,
  path: string | undefined,
  described: EndpointDescription,
): MethodDecorator => {
  const { roles, status, summary, description } = described;
  return applyDecorators(
    METHODS[method](path),
    ...(status ? [HttpCode(status)] : []),
    ...(roles ? [RequireRoles(...roles)] : []),
    ApiOperation(description ? { summary, description } : { summary }),
    ...entries(ANSWERS).flatMap(([key, code]) => {
      const option = described[key];
      return option ? [ApiResponse({ ...answer(option), status: code })] : [];
    }),
    ...entries(SENTENCES).flatMap(([key, code]) => {
      const sentence = described[key];
      return sentence === undefined ? [] : [ApiResponse({ status: code, description: sentence })];
    }),
  );
};

/**
 * A controller of the services: its path, the tag grouping its routes in the API description and,
 * when every route needs one, the roles a key must have (a route's own `roles` replace them).
 */
export const ServiceController = (path: string | undefined, tag: string, roles?: ApiKeyRole[]): ClassDecorator =>
  applyDecorators(
    ApiTags(tag),
    ...(roles ? [RequireRoles(...roles)] : []),
    path === undefined ? Controller() : Controller(path),
  );
