/**
 * The small HTML pages our mail links to (portal sign-in, email confirmation, CSAT), in the customer's
 * language: `<html lang dir>` (Arabic right to left), no script, no style, one strict CSP. Every text put in a
 * page goes through `escapeHtml` (shared/safe-text.ts) where the page is built.
 */
import type { FastifyReply } from 'fastify';
import { directionOf, pickLanguage, type Language } from '../../../shared/language';
import { escapeHtml } from '../../../shared/safe-text';
import { acceptedLanguages } from '.';

/** Nothing loads, nothing frames the page, forms post only to us. */
export const PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * A page's language: `lang` the link (or the form) carries, else what we know of the customer (their ticket's,
 * their messenger's), else the browser's `Accept-Language`, else the site's default, else English.
 */
export function pageLanguage(props: { asked?: unknown; customer?: readonly (string | null | undefined)[]; acceptLanguage?: string | null; site?: string | null }): Language {
  const asked = typeof props.asked === 'string' ? props.asked.slice(0, 35) : null;
  return pickLanguage(asked, ...(props.customer ?? []), acceptedLanguages(props.acceptLanguage), props.site);
}

/** A whole page: `title` is text (escaped here), `body` is HTML the caller built with `escapeHtml`. */
export function htmlPage(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

/** The hidden field that keeps a form's answer page in the language of the page that posted it. */
export function languageField(language: Language): string {
  return `<input type="hidden" name="lang" value="${language}">`;
}

/**
 * Sends a page with its headers: the CSP, no caching (links carry tokens), a Referer only to ourselves (the token
 * never leaves in one, while the form's POST still carries our Origin), no sniffing.
 */
export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header('content-security-policy', PAGE_CSP)
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(html);
}
