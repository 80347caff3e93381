import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const apiHeaders = helmet({
  // The services answer JSON, problem details and event streams, never a page: nothing may run,
  // load or frame anything under their origin, even if an answer were shown by a browser.
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  // TLS ends at the reverse proxy, which sets HSTS for the public name; here it would mean nothing.
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/**
 * The headers every answer of every service carries (helmet: nosniff, no referrer, a CSP that
 * allows nothing, no framing), and `Cache-Control: no-store`: answers are scoped to the caller's
 * organisation, and no shared or browser cache may keep one. A route may still set its own.
 */
export function securityHeaders(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    apiHeaders(request, response, next);
  };
}
