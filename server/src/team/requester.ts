import type { DbOrTx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { findVisitor } from '../sites/visitor.repository';
import { ownedTickets, visitorOwner, type RequestOwner } from '../sites/ownership';

/**
 * The person behind a ticket, as the one "whose requests are these" rule sees them: a chat's visitor (their email
 * only when the site's JWT proved it), or the mailbox an email or portal ticket was exchanged with.
 */
export async function ticketOwner(db: DbOrTx, ticket: TicketRow): Promise<RequestOwner> {
  const visitor = ticket.visitor_id ? await findVisitor(db, ticket.visitor_id) : undefined;
  if (visitor) return visitorOwner(visitor);
  const mailbox = ticket.channel === 'email' || ticket.channel === 'portal' ? ticket.requester_email?.trim().toLowerCase() || null : null;
  return { siteId: ticket.site_id, visitorId: null, verifiedEmail: mailbox };
}

/** The same person's other requests, newest first. */
export async function otherRequestsOf(db: DbOrTx, ticket: TicketRow, limit = 20): Promise<TicketRow[]> {
  const owner = await ticketOwner(db, ticket);
  return ownedTickets(db, owner).where('id', '!=', ticket.id).orderBy('created_at', 'desc').limit(limit).execute();
}

/** Whether two tickets are one person's, by either side's proven identity (a chat and an email, say). */
export async function sameRequester(db: DbOrTx, a: TicketRow, b: TicketRow): Promise<boolean> {
  if (a.site_id !== b.site_id) return false;
  for (const [one, other] of [[a, b], [b, a]] as const) {
    const found = await ownedTickets(db, await ticketOwner(db, one)).where('id', '=', other.id).executeTakeFirst();
    if (found) return true;
  }
  return false;
}
