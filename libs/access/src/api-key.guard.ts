import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRole } from '@vigie/contracts';
import { ForbiddenError, PUBLIC_ROUTE, UnauthenticatedError } from '@vigie/platform';
import { bearerToken, parseApiKey } from './api-key';
import { CALLER_RESOLVER, REQUIRED_ROLES, type Caller, type CallerResolver } from './caller';

/** Every route needs a valid API key unless marked @PublicRoute(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CALLER_RESOLVER) private readonly resolver: CallerResolver,
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
    const parsed = parseApiKey(token);
    if (!parsed) throw new UnauthenticatedError('malformed API key');
    const caller = await this.resolver.resolve(parsed.id, parsed.secret);
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
}
