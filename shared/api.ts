/**
 * REST payload schemas, shared by the server's routes and the browser's forms. The socket payloads live in
 * protocol.ts. zod 4; `z.toJSONSchema` turns these into the OpenAPI document.
 */
import { z } from 'zod';
import { CHANNELS, CENTRES, MAX_MESSAGE_LENGTH, TICKET_STATUSES, levelSchema } from './protocol';

export const loginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

/** `POST /api/tickets`: a ticket on behalf of a customer (phone calls, integrations). */
export const createTicketSchema = z.object({
  subject: z.string().trim().min(1, 'subject is required').max(200),
  description: z.string().trim().min(1, 'description is required').max(MAX_MESSAGE_LENGTH * 4),
  channel: z.enum(CHANNELS),
  requester: z
    .object({
      name: z.string().trim().max(200).optional(),
      email: z.email().max(254).optional(),
      /** IANA time zone of the requester; decides the home centre. */
      timeZone: z.string().max(64).optional(),
    })
    .default({}),
  urgency: levelSchema.optional(),
  impact: levelSchema.optional(),
  category: z.string().trim().min(1).max(64).optional(),
  /** When the customer contacted us; the SLA clocks start here. Not more than 5 minutes in the future. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** Key of the site the ticket belongs to (default `demo`). */
  site: z.string().max(64).optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketSchema>;

/** `PATCH /api/tickets/:id`. Priority is never set directly: change urgency or impact. */
export const updateTicketSchema = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    urgency: levelSchema.optional(),
    impact: levelSchema.optional(),
    assigneeId: z.string().max(64).nullable().optional(),
    category: z.string().trim().min(1).max(64).optional(),
    /** Why: recorded in the audit trail. */
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'Nothing to change' });
export type UpdateTicketBody = z.infer<typeof updateTicketSchema>;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listTicketsQuerySchema = z.object({
  status: list(TICKET_STATUSES).optional(),
  priority: list(['high', 'medium', 'low'] as const).optional(),
  channel: list(CHANNELS).optional(),
  centre: list(CENTRES).optional(),
  /** An agent id, `me`, or `none` for unassigned. */
  assignee: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** `POST /api/tickets/:id/handback`: Kai answers the chat again. */
export const handbackSchema = z.object({ reason: z.string().trim().max(500).optional() });

export const triageSchema = z.object({ text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH * 4) });
export const previewSchema = z.object({ message: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH) });

export const kbArticleSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(100_000),
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u.startsWith('/') || /^https?:\/\//i.test(u), 'url must be http(s) or start with /')
    .optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
});
