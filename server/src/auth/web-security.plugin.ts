import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { containsNul } from '../routes/validate';
import { webOriginPolicy, type WebOriginPolicy } from './web-origin';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL's host names and origins (also used by the socket namespaces). */
    webOrigins: WebOriginPolicy;
  }
}

export interface WebSecurityOptions {
  publicUrl: string;
  allowedHosts: string[];
}

/** Probes from load balancers and orchestrators use the node's own address as Host; they reveal nothing. */
const PROBES = new Set(['/healthz', '/readyz']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state change from a browser must come from one of our own pages. Browsers send `Origin` with every POST,
 * PUT, PATCH and DELETE (and `Sec-Fetch-Site`); clients that are not browsers send neither, and carry no
 * ambient cookie to abuse. So: an Origin that is not ours, or a cross-site fetch without one, is refused.
 */
function assertSameOrigin(request: FastifyRequest, origins: WebOriginPolicy): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!origins.originAllowed(origin)) throw new AppError('forbidden', 'Cross-origin request refused');
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new AppError('forbidden', 'Cross-origin request refused');
}

/**
 * Every response's baseline security headers; a route that sets its own (a page's CSP, the messenger's
 * `frame-ancestors`) keeps them. Under https, HSTS tells browsers never to use plain http again.
 */
function securityHeaders(https: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Host allowlist (DNS rebinding), same-origin state changes (CSRF), security headers on every response, and no NUL
 * characters in URLs or bodies (PostgreSQL cannot store them).
 */
export const webSecurityPlugin = fp(
  async (app, opts: WebSecurityOptions) => {
    const origins = webOriginPolicy(opts.publicUrl, opts.allowedHosts, () => {
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : undefined;
    });
    app.decorate('webOrigins', origins);
    const headers = securityHeaders(opts.publicUrl.startsWith('https:'));

    app.addHook('onRequest', async (request, reply) => {
      for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
      if (!PROBES.has(request.url.split('?')[0]!) && !origins.hostAllowed(request.headers.host)) {
        throw new AppError('misdirected_request', 'This server does not answer for that host name; set PUBLIC_URL (or ALLOWED_HOSTS)');
      }
      assertSameOrigin(request, origins);
      if (/%00/.test(request.url)) throw new AppError('validation_failed', 'The request may not contain NUL characters');
    });
    app.addHook('preValidation', async (request) => {
      if (containsNul(request.body)) throw new AppError('validation_failed', 'The request may not contain NUL characters');
    });
  },
  { name: 'web-security' },
);

