/**
 * The wire shapes of reaching customers after they leave (the email the messenger asks for, how each reply
 * reached the customer), CSAT answers and transcripts: shared by the server's routes, the messenger and the desk.
 */
import { z } from 'zod';

/** How one agent reply reached the customer, as the desk shows it next to the reply. */
export const replyDeliverySchema = z.discriminatedUnion('state', [
  /** The visitor's messenger showed it. */
  z.object({ state: z.literal('seen'), at: z.string() }),
  /** Not seen yet; mailed at `at` if still unseen (when an address is known). */
  z.object({ state: z.literal('waiting'), at: z.string().nullable() }),
  /** Queued as mail, not yet handed to the mail server. */
  z.object({ state: z.literal('sending'), at: z.string() }),
  z.object({ state: z.literal('mailed'), at: z.string().nullable() }),
  /** The mail server refused or could not be reached; the outbox keeps retrying. */
  z.object({ state: z.literal('failed'), at: z.string(), error: z.string() }),
  /** Not seen, and no address is known to mail it to. */
  z.object({ state: z.literal('unreachable'), at: z.string() }),
]);
export type ReplyDelivery = z.infer<typeof replyDeliverySchema>;

/** `GET /api/widget/reach`: whether the messenger should ask for an email, and what it knows. */
export const visitorReachSchema = z.object({
  /** verified: from the site's signed identity; confirmed: given and confirmed; pending: given, not confirmed. */
  status: z.enum(['verified', 'confirmed', 'pending', 'none']),
  email: z.string().nullable(),
  /** The site wants the messenger to ask (site setting `reach.askForEmail`). */
  askForEmail: z.boolean(),
});
export type VisitorReach = z.infer<typeof visitorReachSchema>;

export const giveEmailSchema = z.object({ email: z.string().trim().email('That does not look like an email address').max(254) });

/** The messenger acknowledges what it has shown: every message up to this sequence number. */
export const seenSchema = z.object({ upToSeq: z.number().int().min(0) });

export const csatAnswerSchema = z.object({
  rating: z.number().int().min(1, 'rating is 1 to 5').max(5, 'rating is 1 to 5'),
  comment: z
    .string()
    .trim()
    .max(2000, 'comment is at most 2000 characters')
    .optional()
    .transform((c) => (c ? c : null)),
});
export type CsatAnswerInput = z.input<typeof csatAnswerSchema>;

/** A ticket's CSAT answer, as the desk shows it. */
export const csatAnswerViewSchema = z
  .object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable(), answeredVia: z.enum(['chat', 'email', 'portal']), createdAt: z.string() })
  .meta({ id: 'CsatAnswer' });
export type CsatAnswer = z.infer<typeof csatAnswerViewSchema>;

/** A request's CSAT question (when it was asked) and its answer, if any. */
export const csatStateSchema = z.object({ askedAt: z.string().nullable(), answer: csatAnswerViewSchema.nullable() }).meta({ id: 'Csat' });

/** `GET /api/tickets/:id/reach`: how each reply reached the customer, and the CSAT question and answer. */
export const ticketReachSchema = z.object({ deliveries: z.record(z.string(), replyDeliverySchema).describe('By message id'), csat: csatStateSchema });
export type TicketReach = z.infer<typeof ticketReachSchema>;

/**
 * Pushed to the desks watching a ticket (`ticket:reach`), after the change committed: how some of its replies reach
 * the customer now (seen, mailed, failed…), by message id, and its CSAT question and answer when those changed.
 */
export interface TicketReachChange {
  ticketId: string;
  deliveries: Record<string, ReplyDelivery>;
  csat?: TicketReach['csat'];
}
