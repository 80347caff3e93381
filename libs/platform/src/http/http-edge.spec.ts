import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  Injectable,
  Module,
  Post,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { SkipThrottle } from '@nestjs/throttler';
import { IsObject, IsOptional, IsString } from 'class-validator';
import { createHttpApp } from '../bootstrap';
import { UnauthenticatedError } from './domain.error';
import { PUBLIC_ROUTE, PublicRoute } from './public-route';
import { rateLimitTracker } from './rate-limit.module';
import { parsedBodyProblem, MAX_JSON_DEPTH } from './request-body';

class EchoDto {
  @IsString() name: string;
  @IsOptional() @IsObject() data?: object;
}

@Controller('v1/echo')
class EchoController {
  @Post()
  echo(@Body() input: EchoDto): EchoDto {
    return input;
  }

  @Get()
  read(): { ok: true } {
    return { ok: true };
  }
}

@SkipThrottle()
@Controller('health')
class FakeHealthController {
  @Get()
  @PublicRoute()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

/** Stands for the API key guard: only keys whose secret is "good" pass. */
@Injectable()
class KeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.get<boolean>(PUBLIC_ROUTE, context.getHandler())) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers.authorization;
    if (!header?.endsWith('_good')) throw new UnauthenticatedError('unknown API key');
    return true;
  }
}

// The guard sits in the service's own root module, as in the registry: rate limiting must still come first.
@Module({
  controllers: [EchoController, FakeHealthController],
  providers: [{ provide: APP_GUARD, useClass: KeyGuard }],
})
class EchoModule {}

const keyOf = (secret: string, id: string = randomUUID()): string => `vgk_${id}_${secret}`;

async function start(perMinute: number): Promise<{ app: INestApplication; url: string }> {
  const app = await createHttpApp(EchoModule, { rateLimit: { perMinute }, logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

async function call(
  url: string,
  options: { method?: string; key?: string; contentType?: string; body?: string | Uint8Array<ArrayBuffer> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(url, { method: options.method ?? 'POST', headers, body: options.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { v: value };
  return value;
}

describe('JSON body checks', () => {
  it('measures depth without walking past the limit', () => {
    expect(parsedBodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(parsedBodyProblem(nested(MAX_JSON_DEPTH + 1))).toBe('JSON nested deeper than 32 levels');
    expect(parsedBodyProblem(nested(100_000))).toBe('JSON nested deeper than 32 levels');
    expect(parsedBodyProblem('text')).toBeNull();
    expect(parsedBodyProblem(undefined)).toBeNull();
  });

  it('refuses NUL characters in values and keys', () => {
    expect(parsedBodyProblem({ a: ['ok', 'n\u0000ul'] })).toBe('NUL characters are not accepted');
    expect(parsedBodyProblem({ 'k\u0000': 1 })).toBe('NUL characters are not accepted');
    expect(parsedBodyProblem({ a: 'no nul here: \\u0000' })).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %p at any depth', (key) => {
    expect(parsedBodyProblem(JSON.parse(`{"a":[{"${key}":{"isAdmin":true}}]}`))).toBe(
      `the key "${key}" is not accepted`,
    );
  });
});

describe('rate limit tracker', () => {
  const id = randomUUID();
  it.each([
    [{ authorization: `Bearer ${keyOf('secret', id)}` }, '10.0.0.1', `key:${id}`],
    [{ authorization: `bearer ${keyOf('other-secret', id.toUpperCase())}` }, '10.0.0.1', `key:${id}`],
    [{ authorization: 'Bearer not-a-key' }, '10.0.0.2', 'ip:10.0.0.2'],
    [{}, '::1', 'ip:::1'],
  ])('tracks %p from %p as %p', (headers, ip, tracker) => {
    expect(rateLimitTracker({ headers, ip })).toBe(tracker);
  });
});

describe('HTTP edge of every service', () => {
  let app: INestApplication;
  let url: string;
  const key = keyOf('good');

  beforeAll(async () => {
    ({ app, url } = await start(10_000));
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = (body: string, contentType = 'application/json') => call(`${url}/v1/echo`, { key, contentType, body });

  it('accepts a valid JSON body', async () => {
    const answer = await post(JSON.stringify({ name: 'a', data: nested(MAX_JSON_DEPTH - 1) }));
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('a');
    // Answers are never cached, so they carry no entity tag (a hash of the body, in the clear).
    expect(answer.headers.has('etag')).toBe(false);
  });

  it('answers 413 to a body over 256 KiB', async () => {
    const answer = await post(JSON.stringify({ name: 'x'.repeat(300 * 1024) }));
    expect(answer).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('answers 400 to JSON nested deeper than 32 levels, and to prototype keys', async () => {
    const deep = await post(JSON.stringify({ name: 'a', data: nested(MAX_JSON_DEPTH) }));
    expect(deep.status).toBe(400);
    expect(deep.body).toEqual({
      type: 'urn:vigie:problem:bad_request',
      title: 'Bad request',
      status: 400,
      detail: 'invalid request',
      instance: '/v1/echo',
      error: 'bad_request',
      details: [{ field: 'body', problems: ['JSON nested deeper than 32 levels'] }],
    });
    expect(deep.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const proto = await post('{"name":"a","__proto__":{"isAdmin":true}}');
    expect(proto.status).toBe(400);
    expect(proto.body.details[0].problems).toEqual(['the key "__proto__" is not accepted']);
    const veryDeep = await post(`{"name":"a","data":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(veryDeep.status).toBe(400);
  });

  it('answers 400 to NUL characters in a JSON body or in the URL', async () => {
    const body = await post('{"name":"a\\u0000b"}');
    expect(body.status).toBe(400);
    expect(body.body.details).toEqual([{ field: 'body', problems: ['NUL characters are not accepted'] }]);
    const inUrl = await call(`${url}/v1/echo?x=%00`, { key, method: 'GET' });
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.details).toEqual([{ field: 'url', problems: ['NUL characters are not accepted'] }]);
  });

  it('answers 400 to unknown fields and to malformed JSON, without internals', async () => {
    const unknown = await post(JSON.stringify({ name: 'a', isAdmin: true }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'isAdmin', problems: ['property isAdmin should not exist'] }]);
    const malformed = await post('{"name": "a",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('bad_request');
    expect(malformed.body.detail).toBe('the request body is not valid JSON');
    expect(JSON.stringify(malformed.body)).not.toMatch(/node_modules|at \w+ \(|\.js:\d+/);
  });

  it.each([
    ['text/plain', 'Content-Type text/plain is not accepted; send application/json'],
    ['application/x-www-form-urlencoded', 'Content-Type application/x-www-form-urlencoded is not accepted'],
    ['application/xml', 'Content-Type application/xml is not accepted'],
    [undefined, 'Content-Type is missing; send application/json'],
  ])('answers 415 to a %p body', async (contentType, message) => {
    // Bytes, so that fetch adds no Content-Type of its own.
    const answer = await call(`${url}/v1/echo`, { key, contentType, body: Buffer.from('name=a') });
    expect(answer.status).toBe(415);
    expect(answer.body.error).toBe('unsupported_media_type');
    expect(answer.body.detail).toContain(message);
  });

  it('answers problem details to an unknown route, and never a stack trace', async () => {
    const answer = await call(`${url}/v1/nowhere?token=secret`, { key, method: 'GET' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: 'urn:vigie:problem:not_found', status: 404, instance: '/v1/nowhere' });
    expect(JSON.stringify(answer.body)).not.toContain('secret');
  });

  it.each([
    ['a success', '/v1/echo', { method: 'GET', key }],
    ['a refusal', '/v1/echo', { method: 'GET' }],
    ['a public route', '/health', { method: 'GET' }],
  ] as const)('puts the security headers on %s', async (_what, path, options) => {
    const answer = await call(`${url}${path}`, options);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.has('x-powered-by')).toBe(false);
    expect(answer.headers.has('etag')).toBe(false);
  });

  it('takes a POST without a body to validation, not to 415', async () => {
    const answer = await call(`${url}/v1/echo`, { key });
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((detail: { field: string }) => detail.field)).toEqual(['name']);
  });
});

describe('rate limiting', () => {
  const LIMIT = 5;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await start(LIMIT));
  });

  afterAll(async () => {
    await app?.close();
  });

  const read = (key?: string) => call(`${url}/v1/echo`, { method: 'GET', key });

  it('gives each key its own budget and answers 429 with Retry-After beyond it', async () => {
    const first = keyOf('good');
    const statuses = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await read(first)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429]);

    const refused = await read(first);
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(refused.body).toEqual({
      type: 'urn:vigie:problem:too_many_requests',
      title: 'Too many requests',
      status: 429,
      instance: '/v1/echo',
      error: 'too_many_requests',
      detail: `rate limit exceeded: at most ${LIMIT} requests per minute per API key; retry after the Retry-After delay (seconds)`,
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    expect((await read(keyOf('good'))).status).toBe(200);
  });

  it('limits requests without a valid key by client address, before authentication', async () => {
    const statuses = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await read()).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
  });

  it('never limits the health check', async () => {
    for (let i = 0; i < LIMIT * 3; i++) {
      expect((await call(`${url}/health`, { method: 'GET' })).status).toBe(200);
    }
  });
});
