import type { Expression, SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database';
import type { VisitorRow } from '../db/schema';

/**
 * Whose requests a customer may see and act on. The one rule, used by the self-service routes (messenger and
 * portal) and by Kai's "my requests" lookup: tickets of the customer's site, not withdrawn, that carry their
 * visitor id, or whose requester email is the customer's *verified* email (compared case-insensitively). An
 * email only claimed (typed into a form, passed outside a signed JWT) never matches anything.
 */
export interface RequestOwner {
  siteId: string;
  visitorId: string | null;
  /** Proven by a portal sign-in link or inside a site-signed JWT; null otherwise. */
  verifiedEmail: string | null;
}

/** A messenger visitor: their visitor id, and their email only when the site's JWT carried it. */
export function visitorOwner(visitor: VisitorRow): RequestOwner {
  const email = visitor.verified && visitor.email ? visitor.email.trim().toLowerCase() : null;
  return { siteId: visitor.site_id, visitorId: visitor.id, verifiedEmail: email };
}

/** A portal customer: the email their one-time link proved. */
export function portalOwner(siteId: string, email: string): RequestOwner {
  return { siteId, visitorId: null, verifiedEmail: email.trim().toLowerCase() };
}

/** The owner's tickets, newest activity first is up to the caller. */
export function ownedTickets(db: DbOrTx, owner: RequestOwner) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('site_id', '=', owner.siteId)
    .where('withdrawn_at', 'is', null)
    .where((eb) => {
      const mine: Expression<SqlBool>[] = [];
      if (owner.visitorId) mine.push(eb('visitor_id', '=', owner.visitorId));
      if (owner.verifiedEmail) mine.push(eb(eb.fn<string>('lower', [eb.ref('requester_email')]), '=', owner.verifiedEmail));
      return mine.length ? eb.or(mine) : eb.lit(false);
    });
}
