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
