import { Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRole } from '@vigie/contracts';
import { ForbiddenError, PUBLIC_ROUTE, UnauthenticatedError } from '@vigie/platform';
import { bearerToken, parseApiKey } from './api-key';
import { CALLER_RESOLVER, REQUIRED_ROLES, type Caller, type CallerResolver } from './caller';
import { looksLikeJwt, PERSON_TOKENS, type PersonTokenVerifier } from './person-token';

/** Every route needs a valid API key unless marked @PublicRoute(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CALLER_RESOLVER) private readonly resolver: CallerResolver,
    @Optional() @Inject(PERSON_TOKENS) private readonly personTokens?: PersonTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; caller?: Caller }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError('missing API key: send Authorization: Bearer <key>');
    const caller = await this.callerOf(token);
    request.caller = caller;
    const required = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && !caller.isAdmin && !required.some((role) => caller.roles.includes(role))) {
      throw new ForbiddenError(`this route needs a key with the role ${required.join(' or ')}`);
    }
    return true;
  }

  /** An API key (`vgk_…`) or, from the console, a person's access token (a JWT the registry signed). */
  private async callerOf(token: string): Promise<Caller> {
    if (this.personTokens && looksLikeJwt(token)) {
      return this.resolver.resolvePerson(await this.personTokens.verify(token));
    }
    const parsed = parseApiKey(token);
    if (!parsed) throw new UnauthenticatedError('malformed API key');
    return this.resolver.resolve(parsed.id, parsed.secret);
  }
}
