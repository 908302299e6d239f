import type { FastifyRequest } from 'fastify';
import type { CoreContext } from '../../context';
import { findVisitor, verifyVisitorToken } from '../../sites/visitor.repository';
import { CUSTOMER_COOKIE, findCustomerSession } from './customer-auth';
import type { Customer } from './customer-requests';

/**
 * The customer behind a request: a visitor token in the header (`Authorization: Visitor <token>`, the messenger)
 * wins over the portal cookie. A change sent with the cookie from another origin never gets here: the
 * web-security guard refuses it.
 */
export async function customerOf(ctx: CoreContext & { secret: string }, request: FastifyRequest): Promise<Customer | null> {
  const header = request.headers.authorization;
  if (header && /^Visitor\s/i.test(header)) {
    const token = /^Visitor\s+(\S+)$/i.exec(header)?.[1];
    const claim = token ? verifyVisitorToken(ctx.secret, token, ctx.now()) : null;
    const visitor = claim ? await findVisitor(ctx.db, claim.visitorId) : undefined;
    return visitor ? { kind: 'visitor', visitor } : null;
  }
  const cookie = request.cookies[CUSTOMER_COOKIE];
  if (!cookie) return null;
  const session = await findCustomerSession(ctx.db, cookie, ctx.now());
  return session ? { kind: 'portal', ...session } : null;
}
