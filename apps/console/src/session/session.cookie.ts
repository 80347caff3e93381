import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

/** `__Host-` pins the cookie to this origin (it requires Secure, so only over TLS). */
export function cookieName(secure: boolean): string {
  return secure ? '__Host-vigie-console' : 'vigie-console';
}

export function readSessionCookie(request: Request, secure: boolean): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[cookieName(secure)] : undefined;
}

export function writeSessionCookie(response: Response, secure: boolean, id: string | null): void {
  response.append(
    'Set-Cookie',
    serialize(cookieName(secure), id ?? '', {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      ...(id === null ? { maxAge: 0 } : {}),
    }),
  );
}

/** The cookie that binds a State sign-in under way to this browser (see StateSignInFlows). */
function flowCookieName(secure: boolean): string {
  return secure ? '__Host-vigie-etat' : 'vigie-etat';
}

export function readStateSignInCookie(request: Request, secure: boolean): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[flowCookieName(secure)] : undefined;
}

/**
 * SameSite=Lax, unlike the session cookie: the provider's redirect back is a cross-site
 * navigation, which a Strict cookie would not follow.
 */
export function writeStateSignInCookie(
  response: Response,
  options: { secure: boolean; id: string | null; maxAgeSeconds: number },
): void {
  response.append(
    'Set-Cookie',
    serialize(flowCookieName(options.secure), options.id ?? '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      path: '/',
      maxAge: options.id === null ? 0 : options.maxAgeSeconds,
    }),
  );
}
