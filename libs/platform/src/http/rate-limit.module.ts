import { Module, type DynamicModule, type ExecutionContext, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { FixedWindowStore } from './rate-limit.store';

export interface RateLimitSettings {
  /** Requests one API key (or, without a key, one client address) may make per 60 s window; 0 turns limiting off. */
  perMinute: number;
}

// The id part of a `vgk_<key id>_<secret>` key (format owned by libs/access). Only the id is
// used: every request of one key shares one budget, whatever route it calls.
const PRESENTED_KEY_ID = /^Bearer\s+vgk_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_/i;

/** Whose budget a request draws on: the API key it presents, else the client address. */
export function rateLimitTracker(request: { headers: Record<string, unknown>; ip?: string }): string {
  const authorization = request.headers.authorization;
  const keyId = typeof authorization === 'string' ? PRESENTED_KEY_ID.exec(authorization)?.[1] : undefined;
  return keyId ? `key:${keyId.toLowerCase()}` : `ip:${request.ip ?? 'unknown'}`;
}

/**
 * Per-key rate limiting with @nestjs/throttler: windows of 60 s, 429 with Retry-After (the
 * seconds left in the window) beyond the limit. Routes marked @SkipThrottle() (health) and Kafka handlers are not limited.
 */
@Module({})
export class RateLimitModule {
  static for(settings: RateLimitSettings): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: settings.perMinute }],
          storage: new FixedWindowStore(),
          skipIf: (context: ExecutionContext) => settings.perMinute === 0 || context.getType() !== 'http',
          getTracker: (request) => rateLimitTracker(request as Parameters<typeof rateLimitTracker>[0]),
          generateKey: (_context, tracker) => tracker,
          errorMessage: `rate limit exceeded: at most ${settings.perMinute} requests per minute per API key; retry after the Retry-After delay (seconds)`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}

/**
 * The module a service runs as: rate limiting first, then the service's own module. Guards
 * registered with APP_GUARD run in the order their modules are scanned, so requests over the
 * limit are refused before authentication (which may cost a hash) even when they carry a bad key.
 */
export function withRateLimit(module: Type<unknown> | DynamicModule, settings: RateLimitSettings): DynamicModule {
  return { module: VigieService, imports: [RateLimitModule.for(settings), module] };
}

@Module({})
class VigieService {}
