/**
 * Is the From address of a received mail really the sender? A From line is whatever the sender typed, so it
 * counts only when the domain vouches for the mail: DMARC passes, or, for a domain that publishes no DMARC
 * policy, a DKIM signature or an SPF pass aligned with the From domain. mailauth checks SPF (the SMTP
 * client's address, HELO and MAIL FROM), DKIM and DMARC in a mail reader worker (sender-auth-worker.ts: it parses
 * and hashes what a stranger wrote, which can take seconds: never on the event loop); its DNS look-ups come back to the owner's
 * resolver (tests answer from a table) and the check has a budget, so a box without DNS never holds mail up.
 *
 * Behind the site's own MX (EMAIL_TRUSTED_AUTHSERV_ID) the MX has checked already, and our SMTP client is the
 * MX, so SPF could not pass here: the MX's `Authentication-Results` header is read instead. Only the topmost
 * one naming that authserv-id counts; any other is what a sender wrote and is ignored.
 */
import { Resolver } from 'node:dns/promises';
import type { MailHeader } from './automated';

/** A DNS look-up as mailauth asks for it: TXT answers are lists of strings (the record's chunks). */
export type DnsResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

/** How one mail's sender was judged. `reason` names the results, never an address or domain (it is logged). */
export interface SenderCheck {
  verified: boolean;
  /** What vouched for the From address. */
  by: 'dmarc' | 'dkim' | 'spf' | null;
  /** Checked here, or read from the trusted MX's Authentication-Results. */
  source: 'checked' | 'mx';
  reason: string;
}

/** The SMTP session of one mail, as SPF needs it. */
export interface SmtpClient {
  /** The client's IP address. */
  ip: string | null;
  /** What it said in EHLO/HELO. */
  helo: string | null;
  /** MAIL FROM ('' for the null sender, null when unknown). */
  mailFrom: string | null;
}

export interface SenderAuthOptions {
  resolver: DnsResolver;
  /** When set, the Authentication-Results of this authserv-id are trusted instead of checking here. */
  trustedAuthservId: string | null;
  /** Our host name in the results (mailauth's `mta`). */
  mta: string;
  /** Every DNS look-up of the check gives up by this; the worker doing it is replaced a second later. */
  budgetMs?: number;
}

/** The check's default budget: a box without DNS answers mail after this (and a second's grace), never later. */
export const SENDER_CHECK_BUDGET_MS = 3_000;

/** Node's DNS with short timeouts: a server that does not answer costs at most about a second a look-up. */
export function systemResolver(): DnsResolver {
  const resolver = new Resolver({ timeout: 700, tries: 2 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

function dnsTimeout(name: string): Error {
  return Object.assign(new Error(`DNS look-up of ${name} ran out of time`), { code: 'ETIMEOUT' });
}

/** `resolver`, but every look-up gives up at `deadline` (epoch ms), and none starts after it. */
export function boundedResolver(resolver: DnsResolver, deadline: number): DnsResolver {
  return (name, rrtype) => {
    const left = deadline - Date.now();
    if (left <= 0) return Promise.reject(dnsTimeout(name));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(dnsTimeout(name)), left);
    });
    return Promise.race([resolver(name, rrtype), timeout]).finally(() => clearTimeout(timer));
  };
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the other. That is
 * never more than DMARC's relaxed rule allows (an SPF or DKIM pass for a bare public suffix does not happen),
 * only less (sibling subdomains do not align here).
 */
export function aligned(fromDomain: string, other: string | null | undefined): boolean {
  if (!other) return false;
  const a = fromDomain.toLowerCase().replace(/\.$/, '');
  const b = other.toLowerCase().replace(/\.$/, '');
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** A sender that nothing vouches for, and why. */
export const unverified = (reason: string, source: SenderCheck['source'] = 'checked'): SenderCheck => ({ verified: false, by: null, source, reason });

/** What a worker needs to check one mail's sender. */
export interface SenderJob {
  /** The spooled mail. */
  path: string;
  /** Its From address, as our reader found it. */
  fromAddress: string;
  client: SmtpClient;
  /** Our host name in the results. */
  mta: string;
}

/** Who runs the check off the event loop (the mail reader's workers): mailauth parses and hashes what a stranger wrote. */
export interface SenderChecker {
  checkSender: (job: SenderJob, resolver: DnsResolver, budgetMs?: number) => Promise<SenderCheck>;
}

/**
 * Whether the From address of the mail spooled at `path` is really its sender: the trusted MX's verdict when
 * EMAIL_TRUSTED_AUTHSERV_ID is set, else checked by `checker` within the budget. Never throws for what the mail
 * does: whatever goes wrong leaves the sender unverified.
 */
export function checkSender(opts: SenderAuthOptions, checker: SenderChecker, mail: { path: string; fromAddress: string; headers: readonly MailHeader[]; client: SmtpClient }): Promise<SenderCheck> {
  if (opts.trustedAuthservId) return Promise.resolve(trustedResults(mail.headers, opts.trustedAuthservId, mail.fromAddress));
  // DMARC needs exactly one From address. Ruling out more here saves the worker seconds of parsing a From of
  // thousands of addresses (a worker spinning on it still takes a core from the event loop).
  const from = mail.headers.filter((h) => h.name === 'from');
  if (from.length !== 1 || from[0]!.value.split('@').length !== 2) return Promise.resolve(unverified('the From header is not one address'));
  return checker.checkSender({ path: mail.path, fromAddress: mail.fromAddress, client: mail.client, mta: opts.mta }, opts.resolver, opts.budgetMs);
}


/** The text with RFC 5322 comments `( … )` removed, in one pass (comments nest; a backslash escapes). */
function withoutComments(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && depth > 0) i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** One result of an Authentication-Results header: `dkim=pass header.d=x.example` → method, result, properties. */
interface ResultInfo {
  method: string;
  result: string;
  props: Map<string, string>;
}

/** Parses an Authentication-Results value (RFC 8601): the authserv-id and its results. Linear in the value. */
export function parseAuthenticationResults(value: string): { authservId: string; results: ResultInfo[] } {
  const [head = '', ...rest] = withoutComments(value).split(';');
  const authservId = (head.trim().split(/\s+/)[0] ?? '').toLowerCase();
  const results: ResultInfo[] = [];
  for (const part of rest) {
    const [first, ...props] = part.trim().split(/\s+/);
    const eq = first?.indexOf('=') ?? -1;
    if (!first || eq < 1) continue;
    const map = new Map<string, string>();
    for (const p of props) {
      const i = p.indexOf('=');
      if (i > 0) map.set(p.slice(0, i).toLowerCase(), p.slice(i + 1).replace(/^"|"$/g, '').toLowerCase());
    }
    results.push({ method: first.slice(0, eq).split('/')[0]!.toLowerCase(), result: first.slice(eq + 1).toLowerCase(), props: map });
  }
  return { authservId, results };
}

/** The verdict of the trusted MX: the topmost Authentication-Results naming `authservId`. */
export function trustedResults(headers: readonly MailHeader[], authservId: string, fromAddress: string): SenderCheck {
  const id = authservId.toLowerCase();
  const header = headers.filter((h) => h.name === 'authentication-results').map((h) => parseAuthenticationResults(h.value)).find((h) => h.authservId === id);
  if (!header) return unverified('no Authentication-Results from the trusted authserv-id', 'mx');
  const fromDomain = domainOf(fromAddress);
  const of = (method: string) => header.results.filter((r) => r.method === method);
  const dmarc = of('dmarc')[0];
  const dkim = of('dkim').find((r) => r.result === 'pass' && aligned(fromDomain, r.props.get('header.d') ?? domainOf(r.props.get('header.i') ?? '')));
  const spf = of('spf').find((r) => r.result === 'pass' && aligned(fromDomain, domainOf(r.props.get('smtp.mailfrom') ?? '')));
  const reason = `dmarc=${dmarc?.result ?? 'none'}, dkim=${dkim ? 'pass' : (of('dkim')[0]?.result ?? 'none')}, spf=${spf ? 'pass' : (of('spf')[0]?.result ?? 'none')} (from the trusted MX)`;
  // The MX's DMARC verdict is about the From it saw: it must be this mail's From domain.
  const dmarcFrom = dmarc?.props.get('header.from');
  if (dmarc?.result === 'pass' && (!dmarcFrom || dmarcFrom === fromDomain)) return { verified: true, by: 'dmarc', source: 'mx', reason };
  if ((!dmarc || dmarc.result === 'none') && dkim) return { verified: true, by: 'dkim', source: 'mx', reason };
  if ((!dmarc || dmarc.result === 'none') && spf) return { verified: true, by: 'spf', source: 'mx', reason };
  return unverified(reason, 'mx');
}
