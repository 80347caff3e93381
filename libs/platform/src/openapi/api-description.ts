import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, PathItemObject, SchemaObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { exampleOf, toOpenApi31 } from './openapi-31';
import { PROBLEM_SCHEMA, standardResponses, withProblemResponses } from './problem-responses';

/** Where the description is served by each service (its own part of the whole). */
export const API_DESCRIPTION_PATH = '/openapi.json';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One service's raw document, and where that service answers. */
export interface ServicePart {
  name: string;
  url: string;
  raw: OpenAPIObject;
  /** Top-level webhooks (OpenAPI 3.1): the requests the service sends to partners. */
  webhooks?: Record<string, PathItemObject>;
  /** Schemas the webhooks refer to. */
  schemas?: Record<string, SchemaObject>;
  /** Request body examples by operationId, where the one derived from the schema would not do. */
  requestExamples?: Record<string, unknown>;
}

/** What a service says of itself in the description, beside what its controllers say. */
export type ServiceDocs = DescriptionInfo & Pick<ServicePart, 'webhooks' | 'schemas' | 'requestExamples'>;

export interface DescriptionInfo {
  title: string;
  description: string;
}

type Json = Record<string, unknown>;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every operation of a raw document, with the problem answers it may give. */
function* operationsOf(raw: OpenAPIObject): Generator<[string, (typeof METHODS)[number], OperationObject]> {
  for (const [path, item] of Object.entries(raw.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) yield [path, method, operation];
    }
  }
}

type MediaTypes = Record<string, { schema?: unknown; example?: unknown; examples?: unknown }>;

function addRequestExamples(operation: OperationObject, schemas: Record<string, unknown>, given: unknown): void {
  const body = operation.requestBody as { content?: MediaTypes } | undefined;
  for (const [mediaType, media] of Object.entries(body?.content ?? {})) {
    if (media.example !== undefined || media.examples !== undefined) continue;
    if (given !== undefined && mediaType.endsWith('json')) media.example = given;
    else if (media.schema !== undefined) media.example = exampleOf(media.schema, schemas);
  }
}

/**
 * The API description of services as one OpenAPI 3.1 document: every operation with its success
 * and problem answers, an example on every request body, each path served by its own service
 * (`servers` per path; a path every service has, like health, lists them all), webhooks at the top.
 */
export function apiDescription(info: DescriptionInfo, parts: ServicePart[]): Json {
  const paths: Record<string, PathItemObject & { servers?: { url: string; description: string }[] }> = {};
  const schemas: Record<string, unknown> = { Problem: PROBLEM_SCHEMA };
  const tags = new Map<string, string>();
  const operationIds = new Map<string, string>();
  const webhooks: Record<string, PathItemObject> = {};
  const requestExamples: Record<string, unknown> = {};
  const addSchemas = (from: Record<string, unknown> | undefined, service: string): void => {
    for (const [name, schema] of Object.entries(from ?? {})) {
      if (schemas[name] !== undefined && !sameJson(schemas[name], schema)) {
        throw new Error(`schema ${name} of ${service} differs from another service's: rename one DTO`);
      }
      schemas[name] = schema;
    }
  };

  for (const part of parts) {
    addSchemas(part.raw.components?.schemas, part.name);
    addSchemas(part.schemas, part.name);
    Object.assign(webhooks, part.webhooks ?? {});
    Object.assign(requestExamples, part.requestExamples ?? {});
    const server = { url: part.url, description: part.name };
    for (const [path, method, operation] of operationsOf(part.raw)) {
      withProblemResponses(operation, {
        authenticated: !(operation.security ?? []).some((requirement: object) => Object.keys(requirement).length === 0),
        rateLimited: !path.startsWith('/health'),
      });
      for (const tag of operation.tags ?? []) if (!tags.has(tag)) tags.set(tag, `${part.name}: ${tag}`);
      const item = (paths[path] ??= {});
      const existing = item[method];
      if (existing && !sameJson(existing, operation)) {
        throw new Error(`${method.toUpperCase()} ${path} differs between services: one path, one meaning`);
      }
      const owner = operationIds.get(operation.operationId ?? '');
      if (!existing && owner !== undefined) {
        throw new Error(`operationId ${operation.operationId} is used twice (${owner} and ${part.name})`);
      }
      operationIds.set(operation.operationId ?? '', part.name);
      item[method] = operation;
      item.servers ??= [];
      if (!item.servers.some((known: { url: string }) => known.url === server.url)) item.servers.push(server);
    }
  }
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addRequestExamples(operation, schemas, requestExamples[operation.operationId ?? '']);
    }
  }

  const responses = standardResponses();
  const text = JSON.stringify(paths);
  for (const name of Object.keys(responses)) {
    if (!text.includes(`"#/components/responses/${name}"`)) delete responses[name];
  }
  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  return toOpenApi31({
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: '1',
      description: info.description,
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: parts.map((part) => ({ url: part.url, description: part.name })),
    security: [{ bearer: [] }],
    tags: [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([name, description]) => ({ name, description })),
    paths: sortedPaths,
    ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
    components: {
      securitySchemes: parts[0]?.raw.components?.securitySchemes ?? {},
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      responses,
    },
  });
}

/** One service's own part of the description, as it serves it (relative server URL). */
export function serviceDescription(name: string, docs: ServiceDocs, raw: OpenAPIObject): Json {
  return apiDescription(docs, [{ name, url: '/', raw, ...docs }]);
}

/** Serves the description at /openapi.json: JSON only, no HTML viewer (ADR 22). */
export function serveApiDescription(app: INestApplication, description: Json): void {
  const text = JSON.stringify(description);
  app
    .getHttpAdapter()
    .get(API_DESCRIPTION_PATH, (_request: Request, response: Response) => response.type('application/json').send(text));
}
