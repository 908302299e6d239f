/**
 * The team desk's wire contract: presence and who views a ticket (desk socket), saved replies (macros) and
 * merging tickets (REST). Schemas are shared by the server's routes and the desk's forms.
 */
import { z } from 'zod';
import { LEVELS } from './priority';
import { MAX_MESSAGE_LENGTH, TICKET_STATUSES } from './protocol';
import { tagSchema } from './queue';

export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** One agent's status as the desk shows it (a dot by the name). */
export const agentPresenceSchema = z.object({ agentId: z.string(), name: z.string(), status: z.enum(PRESENCE_STATUSES) });
export type AgentPresence = z.infer<typeof agentPresenceSchema>;

/** An agent who has a ticket open, and whether they are typing a reply to it. */
export interface TicketViewer {
  agentId: string;
  name: string;
  typing: boolean;
}

/** `presence:set`: the agent's own choice, or `away` after the desk saw no input for a while. */
export const presenceSetSchema = z.object({ status: z.enum(['online', 'away']) });

/** The placeholders a macro's body may use, filled as plain text when it is inserted. */
export const MACRO_PLACEHOLDERS = ['customer.first_name', 'customer.name', 'agent.name', 'ticket.number', 'promise'] as const;

/** `POST /api/macros`: a saved reply; `shared` ones are managed by admins and offered to every agent. */
export const macroSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(100),
  body: z.string().trim().min(1, 'body is required').max(MAX_MESSAGE_LENGTH),
  shared: z.boolean().default(false),
  /** What inserting it also sets on the ticket. */
  setStatus: z.enum(TICKET_STATUSES).nullable().default(null),
  setUrgency: z.enum(LEVELS).nullable().default(null),
  setImpact: z.enum(LEVELS).nullable().default(null),
  /** Tags added to the ticket when a reply with it is sent (the same rules as any tag). */
  tags: z.array(tagSchema).max(10).default([]),
});
export type MacroInput = z.input<typeof macroSchema>;

/** `PATCH /api/macros/:id`: any of the fields. */
export const macroPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(100),
    body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
    shared: z.boolean(),
    setStatus: z.enum(TICKET_STATUSES).nullable(),
    setUrgency: z.enum(LEVELS).nullable(),
    setImpact: z.enum(LEVELS).nullable(),
    tags: z.array(tagSchema).max(10),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/** A macro as `/api/macros` returns it. */
export const macroViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    shared: z.boolean(),
    /** The agent whose personal macro it is; null for shared ones. */
    ownerId: z.string().nullable(),
    setStatus: z.enum(TICKET_STATUSES).nullable(),
    setUrgency: z.enum(LEVELS).nullable(),
    setImpact: z.enum(LEVELS).nullable(),
    tags: z.array(z.string()),
    updatedAt: z.string(),
  })
  .meta({ id: 'Macro' });
export type Macro = z.infer<typeof macroViewSchema>;

/** `POST /api/tickets/:id/macros/:macroId/render`: the body with its placeholders filled for that ticket, and what sending it also sets. */
export const renderedMacroSchema = macroViewSchema.pick({ body: true, setStatus: true, setUrgency: true, setImpact: true, tags: true });
export type RenderedMacro = z.infer<typeof renderedMacroSchema>;

/** `POST /api/tickets/:id/merge`: this ticket joins `intoId`, which survives. */
export const mergeTicketSchema = z.object({ intoId: z.string().min(1).max(64) });

/** One of the requester's other tickets, in the requester panel. */
export const pastRequestSchema = z.object({ id: z.string(), number: z.number().int(), subject: z.string(), status: z.enum(TICKET_STATUSES), channel: z.string(), createdAt: z.string() });
export type PastRequest = z.infer<typeof pastRequestSchema>;

/** `GET /api/tickets/:id/context`: who the requester is, what else they asked, and what the messenger saw. */
export const customerContextSchema = z
  .object({
    /** `verified`: the site's signed JWT proved who they are; `claimed`: the page said so unsigned; `anonymous`. */
    identity: z.enum(['verified', 'claimed', 'anonymous']),
    /** The same person's other requests (by verified identity or mailbox), newest first. */
    pastRequests: z.array(pastRequestSchema),
    /** What the messenger told: page, referrer, browser and OS, and the site's `boot` attributes (never verified). */
    visitor: z
      .object({
        pageUrl: z.string().nullable(),
        pageTitle: z.string().nullable(),
        referrer: z.string().nullable(),
        browser: z.string().nullable(),
        os: z.string().nullable(),
        attributes: z.array(z.object({ key: z.string(), value: z.string() })),
      })
      .nullable(),
  })
  .meta({ id: 'CustomerContext' });
export type CustomerContext = z.infer<typeof customerContextSchema>;

/** `PUT /api/me/notifications`: what the agent is told of, and how. Every field has a default. */
export const notificationPreferencesSchema = z.object({
  /** Desktop notifications (the browser asks for permission once). */
  desktop: z.boolean().default(true),
  /** A short beep. */
  sound: z.boolean().default(true),
  handoffs: z.boolean().default(true),
  replies: z.boolean().default(true),
  assignments: z.boolean().default(true),
  sla: z.boolean().default(true),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = notificationPreferencesSchema.parse({});
