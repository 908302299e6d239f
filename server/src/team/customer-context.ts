import type { CustomerContext } from '../../../shared/team';
import type { DbOrTx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { findVisitor } from '../sites/visitor.repository';
import { otherRequestsOf } from './requester';
import { describeUserAgent } from './user-agent';

function readAttributes(text: string | null): { key: string; value: string }[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    return Object.entries(value).map(([key, v]) => ({ key, value: String(v) }));
  } catch {
    return [];
  }
}

/** The requester panel's facts for one ticket: identity status, past requests, and what the messenger saw. */
export async function readCustomerContext(db: DbOrTx, ticket: TicketRow): Promise<CustomerContext> {
  const visitor = ticket.visitor_id ? await findVisitor(db, ticket.visitor_id) : undefined;
  const identity = visitor ? (visitor.verified ? 'verified' : visitor.claimed_email || visitor.external_id ? 'claimed' : 'anonymous') : ticket.requester_email ? 'claimed' : 'anonymous';
  const past = await otherRequestsOf(db, ticket);
  return {
    identity,
    pastRequests: past.map((t) => ({ id: t.id, number: t.number, subject: t.subject, status: t.status, channel: t.channel, createdAt: t.created_at })),
    visitor: visitor
      ? {
          pageUrl: visitor.page_url,
          pageTitle: visitor.page_title,
          referrer: visitor.referrer,
          ...describeUserAgent(visitor.user_agent),
          attributes: readAttributes(visitor.attributes),
        }
      : null,
  };
}
