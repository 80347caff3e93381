import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config';
import { ConsoleSessionStore } from './console-session.store';
import { PersonAccess } from './person-access.service';
import { readSessionCookie } from './session.cookie';
import { CsrfRefused } from './session.errors';
import { PUBLIC_PAGE, type ConsoleRequest } from './viewer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const STATE_KINDS = new Set(['PREFECTURE', 'NATIONAL_LEVEL']);

function sameToken(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Loads the console session from its cookie, refuses any state-changing request that does not
 * carry the session's CSRF token (form field `_csrf` or header `X-CSRF-Token`), and on every
 * page but the public ones requires a signed-in person with a fresh access token.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: ConsoleSessionStore,
    private readonly access: PersonAccess,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const session = this.store.get(readSessionCookie(request, this.config.secureCookie));
    request.consoleSession = session;
    if (!SAFE_METHODS.has(request.method)) {
      const presented = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
      if (!session || !sameToken(session.csrfToken, presented)) throw new CsrfRefused();
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_PAGE, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const returnTo = request.method === 'GET' ? request.originalUrl : null;
    const bearer = await this.access.bearer(
      session ?? { id: '', csrfToken: '', createdAt: 0, signedIn: null },
      returnTo,
    );
    const person = session!.signedIn!.person;
    request.signedIn = {
      person,
      bearer,
      csrfToken: session!.csrfToken,
      stateDesk: STATE_KINDS.has(person.organisationKind),
    };
    return true;
  }
}
