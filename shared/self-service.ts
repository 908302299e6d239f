/**
 * Customer self-service (the messenger's "Your requests" and the portal at /portal): what a customer sees of
 * their own requests. Dependency-free, so the messenger and the portal import it without zod; the request body
 * schemas are in api.ts.
 */
import type { AuthorKind, Channel, TicketStatus } from './protocol';

/** How urgent the customer says it is, in their own plain words (the portal's select). */
export const STATED_URGENCIES = ['not_urgent', 'soon', 'urgent', 'critical'] as const;
export type StatedUrgency = (typeof STATED_URGENCIES)[number];

/** The select's option texts, in the customer's words. */
export const STATED_URGENCY_LABELS: Record<StatedUrgency, string> = {
  not_urgent: 'Not urgent',
  soon: 'Soon, in the next few days',
  urgent: 'Urgent, today',
  critical: 'Critical, work has stopped',
};

/** A status as the customer sees it: the words the help article "Track, reopen or delete your support requests" explains. */
export const CUSTOMER_STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

/** One of the customer's requests, as `GET /api/me/requests` lists it. Withdrawn requests are never listed. */
export interface CustomerRequest {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  channel: Channel;
  createdAt: string;
  updatedAt: string;
  /** The honest promise of when a person answers (or that it is solved), in plain words. */
  promise: string;
  withdrawn: false;
}

/** A message of a request as the customer sees it: text only, never an internal note. */
export interface CustomerMessage {
  id: string;
  author: { kind: AuthorKind; name: string };
  body: string;
  createdAt: string;
}

/** `GET /api/me/requests/:id`. */
export interface CustomerRequestDetail extends CustomerRequest {
  description: string;
  messages: CustomerMessage[];
  /** A solved request can be reopened by the customer. */
  canReopen: boolean;
}

/** `GET /api/me`: who the self-service routes see. */
export interface CustomerIdentity {
  /** `portal`: signed in with an emailed link; `visitor`: the messenger's visitor token. */
  kind: 'portal' | 'visitor';
  email: string | null;
  /** Whether the email is proven (a sign-in link, or the site's signed identity). */
  verified: boolean;
}

/** `POST /api/me/requests/:id/messages`: the request the reply landed on (a follow-up when the first was closed). */
export interface CustomerReplyResult {
  request: CustomerRequestDetail;
  /** True when the request was closed and the reply started a follow-up request. */
  followUp: boolean;
}
