/**
 * Customer self-service (the messenger's "Your requests" and the portal at /portal): what a customer sees of
 * their own requests. Runtime-free of zod (the answer types come from resources.ts as types only); the request body
 * schemas are in api.ts.
 */
import type { TicketStatus } from './protocol';
import type { z } from 'zod';
import type { customerIdentitySchema, customerMessageSchema, customerReplyResultSchema, customerRequestDetailSchema, customerRequestViewSchema } from './resources';

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
export type CustomerRequest = z.infer<typeof customerRequestViewSchema>;

/** A message of a request as the customer sees it: text only, never an internal note. */
export type CustomerMessage = z.infer<typeof customerMessageSchema>;

/** `GET /api/me/requests/:id`. */
export type CustomerRequestDetail = z.infer<typeof customerRequestDetailSchema>;

/** `GET /api/me`: who the self-service routes see. */
export type CustomerIdentity = z.infer<typeof customerIdentitySchema>;

/** `POST /api/me/requests/:id/messages`: the request the reply landed on (a follow-up when the first was closed). */
export type CustomerReplyResult = z.infer<typeof customerReplyResultSchema>;
