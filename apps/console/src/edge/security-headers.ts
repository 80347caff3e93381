import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Strict headers for every answer: no inline script, no eval, nothing framed, forms only to
 * ourselves (and to the State identity provider, where the sign-in form's redirect goes; a
 * browser applies `form-action` to the redirects that follow a form). The DSFR, htmx and our
 * bundle are all served from this origin.
 */
export function securityHeaders(secure: boolean, identityProvider?: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: identityProvider ? ["'self'", new URL(identityProvider).origin] : ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something over TLS.
    strictTransportSecurity: secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}
