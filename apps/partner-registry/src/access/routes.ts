import { applyDecorators, Delete, Get, HttpCode, Patch, Post, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RequireRoles } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';

/**
 * The registry's routes, each its method, path, summary and answer in one decorator, so that every
 * route of a kind is described and guarded alike. `byOperators` reserves a change to operators
 * (administrators pass too); without it the service decides who may.
 */
interface RouteOptions {
  byOperators?: boolean;
}

const guarded = (options: RouteOptions): MethodDecorator[] =>
  options.byOperators ? [RequireRoles(ApiKeyRole.Operator)] : [];

/** A read answering 200 with the view, or a list of them. */
export const ReadRoute = (path: string, summary: string, view: Type, list?: 'list'): MethodDecorator =>
  applyDecorators(
    Get(path),
    ApiOperation({ summary }),
    ApiOkResponse(list ? { type: view, isArray: true } : { type: view }),
  );

/** A creation answering 201 with what it made. */
export const CreateRoute = (path: string, summary: string, view: Type, options: RouteOptions = {}): MethodDecorator =>
  applyDecorators(Post(path), ...guarded(options), ApiOperation({ summary }), ApiCreatedResponse({ type: view }));

/** A change answering 200 with the changed view. */
export const ChangeRoute = (path: string, summary: string, view: Type, options: RouteOptions = {}): MethodDecorator =>
  applyDecorators(Patch(path), ...guarded(options), ApiOperation({ summary }), ApiOkResponse({ type: view }));

/** A removal answering 204. */
export const RemoveRoute = (path: string, summary: string, options: RouteOptions = {}): MethodDecorator =>
  applyDecorators(Delete(path), HttpCode(204), ...guarded(options), ApiOperation({ summary }), ApiNoContentResponse());
