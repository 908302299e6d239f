/**
 * The signed token of a CSAT mail's links: the ticket id and an HMAC of it with the server's secret, so only
 * someone who has the mail can answer for that ticket. Opening a link records nothing (mail scanners fetch
 * links); the page's form POST does.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, ticketId: string) => createHmac('sha256', secret).update(`csat:${ticketId}`).digest('base64url');

export function csatToken(secret: string, ticketId: string): string {
  return `${ticketId}.${sign(secret, ticketId)}`;
}

/** The ticket a token names, or null when it is not one we signed. */
export function verifyCsatToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const ticketId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, ticketId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? ticketId : null;
}

/** A CSAT mail's link for one rating; `lang` keeps the page in the mail's language. */
export function csatLink(publicUrl: string, secret: string, ticketId: string, rating: number, lang: string): string {
  return `${publicUrl}/csat?token=${encodeURIComponent(csatToken(secret, ticketId))}&lang=${encodeURIComponent(lang)}&rating=${rating}`;
}
