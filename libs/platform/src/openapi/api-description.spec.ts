import type { OpenAPIObject } from '@nestjs/swagger';
import { apiDescription } from './api-description';
import { exampleOf, toOpenApi31 } from './openapi-31';

const raw = (paths: OpenAPIObject['paths'], schemas: Record<string, object> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths,
  components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
});

const health = { get: { operationId: 'healthLive', security: [{}], responses: { '200': { description: 'ok' } } } };

describe('OpenAPI 3.0 to 3.1', () => {
  it('turns nullable into a null type, beside a reference when there is one', () => {
    expect(toOpenApi31({ schema: { type: 'string', nullable: true, enum: ['a'] } })).toEqual({
      schema: { type: ['string', 'null'], enum: ['a', null] },
    });
    expect(
      toOpenApi31({ schema: { description: 'd', type: 'object', nullable: true, allOf: [{ $ref: '#/x' }] } }),
    ).toEqual({ schema: { description: 'd', anyOf: [{ $ref: '#/x' }, { type: 'null' }] } });
    expect(toOpenApi31({ schemas: { A: { properties: { b: { type: 'integer', example: 3 } } } } })).toEqual({
      schemas: { A: { properties: { b: { type: 'integer', examples: [3] } } } },
    });
  });

  it('derives examples from the schema: required fields and the ones with an example', () => {
    const schemas = {
      Place: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
    };
    expect(
      exampleOf(
        {
          type: 'object',
          required: ['place', 'count', 'kind'],
          properties: {
            place: { $ref: '#/components/schemas/Place' },
            count: { type: 'integer', minimum: 2 },
            kind: { enum: ['x', 'y'] },
            note: { type: 'string', example: 'n' },
            ignored: { type: 'string' },
          },
        },
        schemas,
      ),
    ).toEqual({ place: { id: '0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f50' }, count: 2, kind: 'x', note: 'n' });
  });
});

describe('the API description of several services', () => {
  const alerts = {
    post: {
      operationId: 'alertsSubmit',
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '201': { description: 'created' }, '409': { description: 'already cancelled' } },
    },
  };

  it('gives each operation the problem answers of the edge, by reference, and keeps its own with the problem body', () => {
    const document = apiDescription({ title: 'T', description: 'D' }, [
      { name: 'ingestion', url: 'http://a', raw: raw({ '/v1/alerts': alerts, '/health/live': health }) },
    ]) as any;
    const responses = document.paths['/v1/alerts'].post.responses;
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415', '429', '503']);
    expect(responses['401']).toEqual({ $ref: '#/components/responses/Unauthenticated' });
    expect(responses['409'].content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(Object.keys(document.paths['/health/live'].get.responses).sort()).toEqual(['200', '400', '503']);
    expect(document.paths['/v1/alerts'].post.requestBody.content['application/json'].example).toEqual({});
    expect(document.components.responses.NotFound).toBeUndefined();
  });

  it('lists every service on a path they share, and one service on its own paths', () => {
    const document = apiDescription({ title: 'T', description: 'D' }, [
      { name: 'a', url: 'http://a', raw: raw({ '/health/live': health, '/v1/alerts': alerts }) },
      { name: 'b', url: 'http://b', raw: raw({ '/health/live': health }) },
    ]) as any;
    expect(document.paths['/health/live'].servers.map((s: { url: string }) => s.url)).toEqual(['http://a', 'http://b']);
    expect(document.paths['/v1/alerts'].servers.map((s: { url: string }) => s.url)).toEqual(['http://a']);
    expect(document.openapi).toBe('3.1.0');
  });

  it('refuses an operation id used by two services, and one path meaning two things', () => {
    const other = { get: { ...health.get, security: undefined, summary: 'not the same' } };
    expect(() =>
      apiDescription({ title: 'T', description: 'D' }, [
        { name: 'a', url: 'http://a', raw: raw({ '/health/live': health }) },
        { name: 'b', url: 'http://b', raw: raw({ '/other': { get: health.get } }) },
      ]),
    ).toThrow(/operationId healthLive is used twice/);
    expect(() =>
      apiDescription({ title: 'T', description: 'D' }, [
        { name: 'a', url: 'http://a', raw: raw({ '/health/live': health }) },
        { name: 'b', url: 'http://b', raw: raw({ '/health/live': other }) },
      ]),
    ).toThrow(/differs between services/);
  });
});
