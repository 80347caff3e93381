import { hostname } from 'node:os';
import { recordExchange, repoRoot } from '@vigie/testing';

export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** The body as received (not read for event streams). */
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  body: any;
}

export interface CallOptions {
  key?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  raw?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * An HTTP client that keeps every exchange, so that one test can look at all the answers a
 * suite received for what they must never carry.
 */
export class AuditedClient {
  readonly exchanges: Exchange[] = [];

  async call(method: string, url: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (options.contentType ?? (options.json !== undefined ? 'application/json' : undefined)) {
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(20_000) });
    let text = '';
    // A live event stream never ends: its status and headers are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
    else text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const exchange = { method, url, status: response.status, headers: response.headers, text, body: parsed };
    this.exchanges.push(exchange);
    // The answers to attacks must be described too (test/api-contract.setup.ts judges them).
    recordExchange({
      method,
      url,
      status: exchange.status,
      contentType: response.headers.get('content-type'),
      body: parsed,
    });
    return exchange;
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Disclosure {
  what: string;
  pattern: RegExp;
  /** Only looked for in error answers, whose text is short and made by the service. */
  errorsOnly?: boolean;
}

/** What an answer must never show: how the service is built, where it runs, what it queries. */
export function disclosures(infrastructure: string[]): Disclosure[] {
  return [
    { what: 'a stack frame', pattern: /\bat (async )?[\w$.<>[\] ]+ \(|\n\s+at \S/ },
    { what: 'a source location', pattern: /\.(ts|js|mjs|cjs):\d+(:\d+)?\b/ },
    { what: 'a dependency path', pattern: /node_modules/ },
    { what: 'the installation path', pattern: new RegExp(escape(repoRoot())) },
    {
      what: 'an exception class',
      pattern: /\b(QueryFailedError|TypeError|ReferenceError|RangeError|SyntaxError: |EntityNotFound\w*|KafkaJS\w+)\b/,
    },
    {
      what: 'SQL text',
      pattern:
        /\b(SELECT\s+[\w*",. ]+\s+FROM|INSERT\s+INTO|UPDATE\s+"?\w+"?\s+SET|DELETE\s+FROM|syntax error at or near|violates \w+( key)? constraint|duplicate key value|relation "\w+"|column "\w+"|invalid input syntax for)\b/i,
    },
    { what: 'a connection string', pattern: /\b(postgres(ql)?|kafka):\/\//i },
    { what: 'the host name', pattern: new RegExp(`\\b${escape(hostname())}\\b`, 'i'), errorsOnly: true },
    {
      what: 'a system error',
      pattern: /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EPIPE)\b/,
      errorsOnly: true,
    },
    ...infrastructure.map((address) => ({
      what: `an infrastructure address (${address})`,
      pattern: new RegExp(`${escape(address)}(?!\\d)`),
    })),
  ];
}

/** Every exchange that shows something it must not, with what it shows. */
export function leakingExchanges(
  exchanges: readonly Exchange[],
  infrastructure: string[],
): { url: string; status: number; shows: string[] }[] {
  const rules = disclosures(infrastructure);
  return exchanges
    .map((exchange) => {
      const headers = [...exchange.headers.entries()].map(([name, value]) => `${name}: ${value}`).join('\n');
      const text = `${headers}\n${exchange.text}`;
      const shows = rules
        .filter((rule) => (!rule.errorsOnly || exchange.status >= 400) && rule.pattern.test(text))
        .map((rule) => rule.what);
      if (exchange.headers.has('x-powered-by')) shows.push('the framework (X-Powered-By)');
      return { url: `${exchange.method} ${exchange.url}`, status: exchange.status, shows };
    })
    .filter((leak) => leak.shows.length > 0);
}
