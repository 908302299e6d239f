/**
 * The wire shapes of reaching customers after they leave (the email the messenger asks for, how each reply
 * reached the customer), CSAT answers and transcripts: shared by the server's routes, the messenger and the desk.
 */
import { z } from 'zod';

/** How one agent reply reached the customer, as the desk shows it next to the reply. */
export type ReplyDelivery =
  /** The visitor's messenger showed it. */
  | { state: 'seen'; at: string }
  /** Not seen yet; mailed at `at` if still unseen (when an address is known). */
  | { state: 'waiting'; at: string | null }
  /** Queued as mail, not yet handed to the mail server. */
  | { state: 'sending'; at: string }
  | { state: 'mailed'; at: string | null }
  /** The mail server refused or could not be reached; the outbox keeps retrying. */
  | { state: 'failed'; at: string; error: string }
  /** Not seen, and no address is known to mail it to. */
  | { state: 'unreachable'; at: string };

/** `GET /api/widget/reach`: whether the messenger should ask for an email, and what it knows. */
export interface VisitorReach {
  /** verified: from the site's signed identity; confirmed: given and confirmed; pending: given, not confirmed. */
  status: 'verified' | 'confirmed' | 'pending' | 'none';
  email: string | null;
  /** The site wants the messenger to ask (site setting `reach.askForEmail`). */
  askForEmail: boolean;
}

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
export interface CsatAnswer {
  rating: number;
  comment: string | null;
  answeredVia: 'chat' | 'email' | 'portal';
  createdAt: string;
}

/** `GET /api/tickets/:id/reach`: how each reply reached the customer, and the CSAT question and answer. */
export interface TicketReach {
  deliveries: Record<string, ReplyDelivery>;
  csat: { askedAt: string | null; answer: CsatAnswer | null };
}

/**
 * Pushed to the desks watching a ticket (`ticket:reach`), after the change committed: how some of its replies reach
 * the customer now (seen, mailed, failed…), by message id, and its CSAT question and answer when those changed.
 */
export interface TicketReachChange {
  ticketId: string;
  deliveries: Record<string, ReplyDelivery>;
  csat?: TicketReach['csat'];
}
