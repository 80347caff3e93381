import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { repoRoot } from './repo-root';

/** One answer as the test client received it. */
export interface RecordedExchange {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  /** Parsed JSON, or the text; undefined when empty. */
  body: unknown;
}

/** An exchange checked against the description: the operation it matched and what is wrong. */
export interface CheckedExchange {
  exchange: RecordedExchange;
  operation: string | null;
  problems: string[];
}

type Json = Record<string, any>;

const pointer = (...segments: string[]): string =>
  segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * docs/openapi.json as an oracle: finds the operation an answer came from (by method and path)
 * and checks that its status is documented, its media type is the documented one and its body
 * validates against the documented schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 */
export class ApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];

  constructor(readonly document: Json = JSON.parse(readFileSync(join(repoRoot(), 'docs', 'openapi.json'), 'utf8'))) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, 'api');
    this.templates = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literal: template.replace(/\{[^}]+\}/g, '').length,
      }))
      .sort((a, b) => b.literal - a.literal);
  }

  /** The documented path template a concrete path falls under (the most literal one). */
  templateOf(path: string): string | null {
    return this.templates.find((candidate) => candidate.pattern.test(path))?.template ?? null;
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `api#${ref}` });
      this.validators.set(ref, validate);
    }
    return validate;
  }

  private resolve(value: Json): [Json, string | null] {
    if (typeof value?.$ref !== 'string') return [value, null];
    const path = value.$ref.replace(/^#\//, '').split('/');
    return [
      path.reduce((node: Json, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.document),
      value.$ref,
    ];
  }

  /** The problems of a body Vigie sent to a webhook (or on the stream), against `webhooks.<name>`. */
  checkWebhook(name: string, body: unknown): string[] {
    const validate = this.validator(
      `/${pointer('webhooks', name, 'post', 'requestBody', 'content', 'application/json', 'schema')}`,
    );
    return validate(body) ? [] : [`${name}: ${this.ajv.errorsText(validate.errors?.slice(0, 3))}`];
  }

  check(exchange: RecordedExchange): CheckedExchange {
    const method = exchange.method.toLowerCase();
    const path = new URL(exchange.url).pathname;
    const template = this.templateOf(path);
    const operation = template ? this.document.paths[template][method] : undefined;
    if (!template || !operation)
      return { exchange, operation: null, problems: [`${exchange.method} ${path} is not described`] };
    const name = `${operation.operationId} (${exchange.method} ${template})`;
    const declared = String(exchange.status);
    const key = [declared, `${declared[0]}XX`, 'default'].find((candidate) => operation.responses[candidate]);
    if (!key) return { exchange, operation: name, problems: [`status ${declared} is not documented`] };
    const [response, responseRef] = this.resolve(operation.responses[key]);
    const problems: string[] = [];
    const mediaType = exchange.contentType?.split(';')[0].trim() ?? null;
    const content: Json | undefined = response.content;
    if (!content) {
      if (exchange.body !== undefined && exchange.body !== '')
        problems.push(`status ${declared} has a body the description does not show`);
      return { exchange, operation: name, problems };
    }
    if (!mediaType || !content[mediaType]) {
      problems.push(`media type ${mediaType} is not one of ${Object.keys(content).join(', ')}`);
      return { exchange, operation: name, problems };
    }
    if (!content[mediaType].schema || mediaType === 'text/event-stream') return { exchange, operation: name, problems };
    const schemaRef = responseRef
      ? `${responseRef.replace(/^#/, '')}/${pointer('content', mediaType, 'schema')}`
      : `/${pointer('paths', template, method, 'responses', key, 'content', mediaType, 'schema')}`;
    const validate = this.validator(schemaRef);
    if (!validate(exchange.body)) {
      problems.push(`body does not match the schema: ${this.ajv.errorsText(validate.errors?.slice(0, 3))}`);
    }
    return { exchange, operation: name, problems };
  }
}

type Listener = (exchange: RecordedExchange) => void;
const listeners = new Set<Listener>();

/** Hears every exchange the test client (`request`) makes, until the returned function is called. */
export function onExchange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function recordExchange(exchange: RecordedExchange): void {
  for (const listener of listeners) listener(exchange);
}
