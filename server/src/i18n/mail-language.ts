/**
 * The language of mail about a ticket: its visitor's (the messenger tells the session the language it speaks),
 * else the site's default; English when neither is one Frontdesk has (`textsFor`). Email and phone tickets
 * without a messenger visitor get the site's default.
 */
import type { DbOrTx } from '../db/database';
import type { TicketRow } from '../db/schema';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findVisitor } from '../sites/visitor.repository';
import { textsFor, type Texts } from '.';

export async function mailTextsFor(db: DbOrTx, ticket: Pick<TicketRow, 'visitor_id' | 'site_id'>): Promise<Texts['mail']> {
  const visitor = ticket.visitor_id ? await findVisitor(db, ticket.visitor_id) : undefined;
  const site = await findSiteById(db, ticket.site_id);
  return textsFor(visitor?.language, site ? siteSettings(site).language : undefined).mail;
}
