import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { customerReplySchema, customerRequestSchema, portalLoginLinkSchema } from '../../../../shared/api';
import { isValidTimeZone } from '../../../../shared/calendar';
import type { CustomerReplyResult } from '../../../../shared/self-service';
import { customerIdentitySchema, customerReplyResultSchema, customerRequestDetailSchema, customerRequestViewSchema } from '../../../../shared/resources';
import type { KaiEngine } from '../../ai/engine';
import type { ServerContext } from '../../context';
import { AppError } from '../../errors';
import { findLanguage, pickLanguage, type Language } from '../../../../shared/language';
import { acceptedLanguages, textsFor } from '../../i18n';
import { htmlPage, languageField, pageLanguage, sendPage } from '../../i18n/page';
import { pathParams, routeDocs } from '../../routes/route-docs';
import { parse } from '../../routes/validate';
import { findSiteById, findSiteByKey, siteSettings } from '../../sites/site.repository';
import { AttachmentStore } from '../../attachments/attachment-store';
import { withdrawTicket } from '../../tickets/withdraw-ticket';
import { inTransaction } from '../../work';
import { enqueueMail } from '../email/outbox';
import { customerOf } from './customer-of';
import {
  consumeLoginToken,
  createCustomerSession,
  createLoginToken,
  CUSTOMER_COOKIE,
  CUSTOMER_SESSION_DAYS,
  deleteCustomerSession,
  LOGIN_LINK_MINUTES,
  normaliseEmail,
  pruneCustomerAuth,
  siteOfLoginToken,
} from './customer-auth';
import {
  createPortalRequest,
  customerIdentity,
  customerRequestDetail,
  findOwnTicket,
  listOwnTickets,
  replyAsCustomer,
  reopenAsCustomer,
  toCustomerRequest,
  type Customer,
} from './customer-requests';
import { escapeHtml } from '../../../../shared/safe-text';

export interface PortalRoutesOptions {
  ctx: ServerContext & { secret: string };
  kai: KaiEngine;
  /** Sends queued mail now (the outbox worker), so a sign-in link does not wait for the next pass. */
  flushMail?: () => Promise<unknown>;
}

/** Sign-in links per address and per client; the answer is the same 202 whether or not we know the address. */
const doc = routeDocs('Self-service', 'customer');
const requestParams = pathParams('id');
const tokenForm = z.object({ token: z.string().max(200), lang: z.string().optional().describe('The page\'s language (BCP 47); left out, Accept-Language, else the site\'s') });
const DOCS = {
  loginLink: doc({ summary: 'Email a one-time portal sign-in link (15 minutes, single use); always 202', audience: 'public', body: portalLoginLinkSchema, response: { 202: z.object({ status: z.literal('sent') }) } }),
  verifyPage: doc({
    summary: 'Open a sign-in link: an HTML page with a "Sign in" button that posts the token (mail scanners that fetch links do not use it up)',
    audience: 'public',
    querystring: tokenForm,
    response: { 200: { description: 'HTML page with a form posting `token` to POST /portal/verify', mediaType: 'text/html' } },
  }),
  verify: doc({
    summary: 'Use a sign-in link (single use, 15 minutes): sets the `fd_customer` cookie and redirects to /portal',
    audience: 'public',
    form: tokenForm,
    response: { 303: 'Signed in; to /portal (or /portal?site=<key>)', 400: { description: 'HTML page: the link expired, was used, or is unknown', mediaType: 'text/html' } },
  }),
  logout: doc({ summary: 'End the portal session', audience: 'public', response: { 204: 'Signed out' } }),
  me: doc({ summary: 'Who the self-service routes see', response: { 200: customerIdentitySchema } }),
  requests: doc({ summary: "The customer's own requests, newest activity first (withdrawn ones excluded)", response: { 200: z.object({ requests: z.array(customerRequestViewSchema) }) } }),
  create: doc({ summary: 'A new request from the portal (channel `portal`; portal session only)', body: customerRequestSchema, response: { 201: customerRequestDetailSchema } }),
  get: doc({ summary: "One of my requests with its messages (never internal notes); another customer's is a 404", params: requestParams, response: { 200: customerRequestDetailSchema } }),
  reply: doc({
    summary: 'Reply on a request: a solved one reopens, a closed one starts a follow-up; a retried `clientId` answers 200',
    params: requestParams,
    body: customerReplySchema,
    response: { 201: customerReplyResultSchema, 200: customerReplyResultSchema.describe('The same clientId was sent before') },
  }),
  reopen: doc({ summary: 'Reopen a solved request (audited)', params: requestParams, response: { 200: customerRequestDetailSchema } }),
  withdraw: doc({ summary: 'Withdraw (delete) a request: hidden from me, personal content erased (README, "Deleting a request")', params: requestParams, response: { 204: 'Withdrawn' } }),
};

const LINKS_PER_EMAIL = { max: 5, timeWindow: '15 minutes' };
const LINKS_PER_IP = { max: 20, timeWindow: '15 minutes' };


/** The page a used or expired link shows: what happened and a link to ask again. No script, no style. */
function linkProblemPage(language: Language, reason: 'unknown' | 'expired' | 'used', portalHref: string): string {
  const t = textsFor(language).pages.signInProblem;
  const what = reason === 'expired' ? t.expired(LOGIN_LINK_MINUTES) : reason === 'used' ? t.used : t.unknown;
  return htmlPage(language, t.title, `<h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(what)}</p>
<p><a href="${escapeHtml(portalHref)}">${escapeHtml(t.again)}</a></p>`);
}

/** The page a sign-in link opens: one button that signs in (a POST, so link scanners cannot use the token). */
function confirmSignInPage(language: Language, token: string): string {
  const t = textsFor(language).pages.signIn;
  return htmlPage(language, t.title, `<h1>${escapeHtml(t.heading)}</h1>
<form method="post" action="/portal/verify"><input type="hidden" name="token" value="${escapeHtml(token)}">${languageField(language)}
<button type="submit">${escapeHtml(t.button)}</button></form>
<p>${escapeHtml(t.note(LOGIN_LINK_MINUTES))}</p>`);
}

/**
 * Customer self-service: portal sign-in by emailed one-time link (`fd_customer` session cookie), and the
 * `/api/me/requests` routes for both the portal (cookie) and the messenger (`Authorization: Visitor <token>`).
 */
export const portalRoutes: FastifyPluginAsync<PortalRoutesOptions> = async (app, { ctx, kai, flushMail }) => {
  const secureCookies = ctx.config.publicUrl.startsWith('https:');
  const attachments = new AttachmentStore(ctx.config.attachmentsDir);
  const selfService = { ...ctx, kai };

  const byEmail = app.createRateLimit({
    ...LINKS_PER_EMAIL,
    keyGenerator: (request: FastifyRequest) => {
      const email = (request.body as { email?: unknown } | undefined)?.email;
      return `portal-link:${typeof email === 'string' ? normaliseEmail(email) : ''}`;
    },
  });

  async function requireCustomer(request: FastifyRequest): Promise<Customer> {
    const customer = await customerOf(ctx, request);
    if (!customer) throw new AppError('unauthorized', 'Sign in to see your requests');
    return customer;
  }

  const meLimit = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };

  // ---- portal sign-in ----

  app.post('/api/portal/login-link', { config: { rateLimit: LINKS_PER_IP }, ...DOCS.loginLink }, async (request, reply) => {
    const body = parse(portalLoginLinkSchema, request.body);
    const limit = await byEmail(request);
    if (!limit.isAllowed && limit.isExceeded) {
      void reply.header('retry-after', String(limit.ttlInSeconds));
      throw new AppError('rate_limited', 'Too many sign-in links for this address; try again later');
    }
    const site = await findSiteByKey(ctx.db, body.site ?? 'demo');
    if (!site) throw new AppError('validation_failed', `site: no site with key ${body.site}`);
    const now = ctx.now();
    await pruneCustomerAuth(ctx.db, now);
    // Always the same answer and always a mail: anyone may sign in and start a request, so nothing is revealed.
    const token = await createLoginToken(ctx.db, { siteId: site.id, email: body.email, now });
    // In the portal page's language, else the site's default; the link's page speaks it too.
    const language = pickLanguage(body.language, siteSettings(site).language);
    const mail = textsFor(language).mail;
    const link = `${ctx.config.publicUrl}/portal/verify?token=${encodeURIComponent(token)}&lang=${language}`;
    await enqueueMail(
      ctx.db,
      ctx.config.supportEmail,
      {
        kind: 'login_link',
        to: normaliseEmail(body.email),
        subject: mail.signInSubject(site.name),
        text: `${mail.hello}\n\n${mail.signInBody(site.name, link, LOGIN_LINK_MINUTES)}`,
      },
      now,
    );
    void flushMail?.().catch((err: unknown) => request.log.warn({ err }, 'sending the sign-in link failed; the outbox retries'));
    return reply.status(202).send({ status: 'sent' });
  });

  // Opening the link only shows a button: mail scanners that fetch links must not use up the one-time token.
  // Referrer-Policy same-origin, not no-referrer: the token never leaves in a Referer, and the form's POST still
  // carries our Origin (no-referrer makes it `null`, which the cross-origin guard refuses).
  // The token is in the URL: these routes are not logged at info level, so it never reaches the logs.
  /**
   * A sign-in page's language: the link's, else the browser's, else the site's default, else English; and the
   * portal's address for that site in it (`?site=` unless the demo's, `?lang=` only where the portal would not
   * choose that language itself).
   */
  async function signInLanguage(request: FastifyRequest, asked: unknown, siteId: string | null): Promise<{ language: Language; portal: string }> {
    const site = siteId ? await findSiteById(ctx.db, siteId) : undefined;
    const known = { acceptLanguage: request.headers['accept-language'], site: site ? siteSettings(site).language : null };
    const language = pageLanguage({ asked, ...known });
    const params = new URLSearchParams();
    if (site && site.key !== 'demo') params.set('site', site.key);
    if (language !== pageLanguage(known)) params.set('lang', language);
    const query = params.toString();
    return { language, portal: query ? `/portal?${query}` : '/portal' };
  }
  const siteOfToken = async (token: string) => (token && token.length <= 200 ? await siteOfLoginToken(ctx.db, token) : null);

  app.get<{ Querystring: { token?: string; lang?: string } }>('/portal/verify', { logLevel: 'warn', config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, ...DOCS.verifyPage }, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    return sendPage(reply, 200, confirmSignInPage((await signInLanguage(request, request.query.lang, await siteOfToken(token))).language, token));
  });

  // The form posts the token back, url-encoded; only this plugin parses that type.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 2048 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.post<{ Body: { token?: string; lang?: string } }>('/portal/verify', { logLevel: 'warn', config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, ...DOCS.verify }, async (request, reply) => {
    const token = typeof request.body?.token === 'string' ? request.body.token : '';
    const result = token && token.length <= 200 ? await consumeLoginToken(ctx.db, token, ctx.now()) : ({ ok: false, reason: 'unknown' } as const);
    if (!result.ok) {
      const { language, portal } = await signInLanguage(request, request.body?.lang, await siteOfToken(token));
      return sendPage(reply, 400, linkProblemPage(language, result.reason, portal));
    }
    void reply.header('referrer-policy', 'same-origin').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    const session = await createCustomerSession(ctx.db, result.customer, ctx.now());
    void reply.setCookie(CUSTOMER_COOKIE, session, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies, maxAge: CUSTOMER_SESSION_DAYS * 86400 });
    // The portal opens in the language the customer read the link's page in.
    return reply.redirect((await signInLanguage(request, request.body?.lang, result.customer.siteId)).portal, 303);
  });

  app.post('/api/portal/logout', DOCS.logout, async (request, reply) => {
    const token = request.cookies[CUSTOMER_COOKIE];
    if (token) await deleteCustomerSession(ctx.db, token);
    void reply.clearCookie(CUSTOMER_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // ---- the customer's requests ----

  app.get('/api/me', { ...meLimit, ...DOCS.me }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return customerIdentity(await requireCustomer(request));
  });

  app.get('/api/me/requests', { ...meLimit, ...DOCS.requests }, async (request, reply) => {
    const customer = await requireCustomer(request);
    void reply.header('cache-control', 'no-store');
    const rows = await listOwnTickets(ctx.db, customer);
    return { requests: rows.map((row) => toCustomerRequest(ctx, customer, row)) };
  });

  app.post('/api/me/requests', { ...meLimit, ...DOCS.create }, async (request, reply) => {
    const customer = await requireCustomer(request);
    const body = parse(customerRequestSchema, request.body);
    if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) throw new AppError('validation_failed', `timeZone: unknown time zone ${body.timeZone}`);
    // The portal's language, else the browser's: mail about the request speaks it.
    const language = body.language ?? findLanguage(acceptedLanguages(request.headers['accept-language'])) ?? undefined;
    const row = await createPortalRequest(selfService, customer, { ...body, language });
    return reply.status(201).send(await customerRequestDetail(ctx, customer, row));
  });

  app.get<{ Params: { id: string } }>('/api/me/requests/:id', { ...meLimit, ...DOCS.get }, async (request, reply) => {
    const customer = await requireCustomer(request);
    void reply.header('cache-control', 'no-store');
    return customerRequestDetail(ctx, customer, await findOwnTicket(ctx.db, customer, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/me/requests/:id/messages', { ...meLimit, ...DOCS.reply }, async (request, reply: FastifyReply) => {
    const customer = await requireCustomer(request);
    const body = parse(customerReplySchema, request.body);
    const { ticket, followUp, duplicate } = await replyAsCustomer(selfService, customer, request.params.id, body);
    const result: CustomerReplyResult = { request: await customerRequestDetail(ctx, customer, ticket), followUp };
    return reply.status(duplicate ? 200 : 201).send(result);
  });

  app.post<{ Params: { id: string } }>('/api/me/requests/:id/reopen', { ...meLimit, ...DOCS.reopen }, async (request) => {
    const customer = await requireCustomer(request);
    const ticket = await reopenAsCustomer(ctx, customer, request.params.id);
    return customerRequestDetail(ctx, customer, ticket);
  });

  app.delete<{ Params: { id: string } }>('/api/me/requests/:id', { ...meLimit, ...DOCS.withdraw }, async (request, reply) => {
    const customer = await requireCustomer(request);
    const ticket = await findOwnTicket(ctx.db, customer, request.params.id);
    const { removedAttachments } = await inTransaction(ctx, (work) => withdrawTicket(ctx, work, ticket.id));
    // The files go after the commit: a rolled-back withdrawal keeps them.
    if (removedAttachments.length > 0) await attachments.remove(removedAttachments).catch((err: unknown) => ctx.log.warn({ err, ticketId: ticket.id }, 'removing attachment files failed'));
    return reply.status(204).send();
  });
};
