/**
 * The language of mail and pages about a ticket: the ticket's own (what its customer used when it was created:
 * an email's Content-Language, the portal's language, the API's), else its visitor's (the messenger tells the
 * session the language it speaks), else the site's default; English when none is one Frontdesk has. Mail to a
 * visitor without a ticket: theirs, else the site's.
 */
import { pickLanguage, type Language } from '../../../shared/language';
import type { DbOrTx } from '../db/database';
import type { TicketRow, VisitorRow } from '../db/schema';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findVisitor } from '../sites/visitor.repository';
import { textsFor, type Texts } from '.';

/** What is known of a ticket's customer's language, best first, and its site's default (for pages to weigh). */
export async function languagesOfTicket(db: DbOrTx, ticket: Pick<TicketRow, 'visitor_id' | 'site_id' | 'language'>): Promise<{ customer: (string | null)[]; site: string | null }> {
  const visitor = ticket.visitor_id ? await findVisitor(db, ticket.visitor_id) : undefined;
  return { customer: [ticket.language ?? null, visitor?.language ?? null], site: await siteLanguage(db, ticket.site_id) };
}

/** The site's default language (every site has one, `en` unless set); null for an unknown site. */
export async function siteLanguage(db: DbOrTx, siteId: string): Promise<string | null> {
  const site = await findSiteById(db, siteId);
  return site ? siteSettings(site).language : null;
}

/** The language of mail about a ticket. */
export async function mailLanguageFor(db: DbOrTx, ticket: Pick<TicketRow, 'visitor_id' | 'site_id' | 'language'>): Promise<Language> {
  const { customer, site } = await languagesOfTicket(db, ticket);
  return pickLanguage(...customer, site);
}

export async function mailTextsFor(db: DbOrTx, ticket: Pick<TicketRow, 'visitor_id' | 'site_id' | 'language'>): Promise<Texts['mail']> {
  return textsFor(await mailLanguageFor(db, ticket)).mail;
}

/** The language of mail to a messenger visitor (their email's confirmation, their transcript). */
export async function visitorLanguage(db: DbOrTx, visitor: Pick<VisitorRow, 'language' | 'site_id'>): Promise<Language> {
  return pickLanguage(visitor.language, await siteLanguage(db, visitor.site_id));
}
