/**
 * Labelled support tickets written by someone else (see third-party/LICENSE.md for source and licence): the
 * honest measure of triage, because nobody here wrote them or the rules' lexicon from them.
 *
 * Every third ticket of each language (by position, fixed before any tuning) is `dev`, what people read when
 * tuning the named signals; the others are `test`, only measured, never read to tune a rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { LEVELS, type Level } from '../../../../shared/priority';

export interface ThirdPartyTicket {
  id: string;
  language: 'en' | 'de' | 'fr' | 'es' | 'pt';
  subject: string;
  body: string;
  priority: Level;
  split: 'dev' | 'test';
}

const ticketSchema = z.array(
  z.strictObject({ id: z.string().min(1), language: z.enum(['en', 'de', 'fr', 'es', 'pt']), subject: z.string(), body: z.string().min(1), priority: z.enum(LEVELS), split: z.enum(['dev', 'test']) }),
);

const FILE = new URL('./third-party/tickets.json', import.meta.url);

/** The tickets, or null when the folder was left out of this copy (see its licence). */
export function loadThirdPartyTickets(): ThirdPartyTicket[] | null {
  const file = FILE;
  if (!existsSync(file)) return null;
  return ticketSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** What triage reads: the subject as the first line, then the body, as an email becomes a ticket. */
export function ticketText(t: Pick<ThirdPartyTicket, 'subject' | 'body'>): string {
  return t.subject ? `${t.subject}\n\n${t.body}` : t.body;
}
