/**
 * Reaching customers after they leave, CSAT and transcripts over REST:
 * - the messenger (`Authorization: Visitor <token>`): what it knows of the visitor's email, giving one, and
 *   "Email me this conversation";
 * - the customer (messenger or portal): the CSAT question and answer of one of their requests;
 * - the confirmation and CSAT pages that links in our mail open (a GET shows a form, only its POST acts, so mail
 *   scanners that fetch links change nothing);
 * - agents: how each reply reached the customer, the CSAT answer, and the transcript as text.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csatAnswerSchema, csatAnswerViewSchema, csatStateSchema, giveEmailSchema, ticketReachSchema, visitorReachSchema, type TicketReach, type VisitorReach } from '../../../shared/reach';
import { escapeHtml } from '../../../shared/safe-text';
import { customerOf } from '../channels/portal/customer-of';
import { findOwnTicket } from '../channels/portal/customer-requests';
import { enqueueMail } from '../channels/email/outbox';
import { addressTag } from '../channels/email/mail-log';
import { csatOf, submitCsat } from '../csat/csat';
import { verifyCsatToken } from '../csat/csat-token';
import type { TicketRow, VisitorRow } from '../db/schema';
import { AppError } from '../errors';
import type { Language } from '../../../shared/language';
import { textsFor } from '../i18n';
import { languagesOfTicket, siteLanguage, visitorLanguage } from '../i18n/mail-language';
import { htmlPage, languageField, pageLanguage, sendPage } from '../i18n/page';
import { findVisitor } from '../sites/visitor.repository';
import { pathParams, routeDocs } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { findTicket } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import type { ReachContext } from './reach-context';
import { deliveriesOf } from './reply-reach';
import { transcriptText } from './transcript';
import { confirmByToken, emailReachOf, giveEmail, visitorOfConfirmation } from './visitor-email';

/** Addresses one visitor may give in an hour (each gets a confirmation mail). */
const EMAILS_PER_HOUR = 5;
/** Confirmations one address may get in an hour, whoever asks: the messenger must not become a mail cannon. */
const CONFIRMATIONS_PER_ADDRESS_HOUR = 3;
/** Transcripts one visitor may have mailed in an hour. */
const TRANSCRIPTS_PER_HOUR = 3;

const DOCS = {
  reach: routeDocs('Messenger', 'visitor')({ summary: "What the messenger knows of the visitor's email, and whether to ask for one", response: { 200: visitorReachSchema } }),
  giveEmail: routeDocs('Messenger', 'visitor')({ summary: 'Give an email to get replies by mail; it gets a confirmation first and nothing else until confirmed (5 an hour)', body: giveEmailSchema, response: { 201: visitorReachSchema } }),
  transcript: routeDocs('Messenger', 'visitor')({ summary: 'Email me this conversation: to the verified or confirmed email (3 an hour; 409 without one)', response: { 202: z.object({ to: z.string() }) } }),
  csat: routeDocs('Self-service', 'customer')({ summary: 'The CSAT question and answer of one of my requests', params: pathParams('id'), response: { 200: csatStateSchema } }),
  rate: routeDocs('Self-service', 'customer')({ summary: 'Rate a solved request 1–5 with an optional comment, once (409 after); raises `csat.submitted`', params: pathParams('id'), body: csatAnswerSchema, response: { 201: csatAnswerViewSchema } }),
  confirmPage: routeDocs('Pages', 'public')({ summary: 'The email confirmation link: a page with a button (records nothing)', querystring: z.object({ token: z.string(), lang: z.string().optional().describe('The page\'s language (BCP 47); left out, the visitor\'s, else Accept-Language, else the site\'s') }), response: { 200: { description: 'HTML page', mediaType: 'text/html' } } }),
  confirm: routeDocs('Pages', 'public')({
    summary: 'Confirm the address (form `token`)',
    form: z.object({ token: z.string().max(200), lang: z.string().optional() }),
    response: { 200: { description: 'HTML page: confirmed', mediaType: 'text/html' }, 400: { description: 'HTML page: unknown link', mediaType: 'text/html' } },
  }),
  csatPage: routeDocs('Pages', 'public')({
    summary: "A CSAT mail's link: the rating form (records nothing, so mail scanners cannot vote)",
    querystring: z.object({ token: z.string(), rating: z.coerce.number().int().min(1).max(5).optional(), lang: z.string().optional().describe('The page\'s language (BCP 47); left out, the ticket\'s customer\'s, else Accept-Language, else the site\'s') }),
    response: { 200: { description: 'HTML form', mediaType: 'text/html' }, 400: { description: 'HTML page: not a link we signed', mediaType: 'text/html' } },
  }),
  rateByMail: routeDocs('Pages', 'public')({
    summary: 'Record the rating (form `token`, `rating`, `comment`), once per ticket',
    form: z.object({ token: z.string(), rating: z.coerce.number().int().min(1).max(5), comment: z.string().max(2000).optional(), lang: z.string().optional() }),
    response: {
      200: { description: 'HTML page: thank you', mediaType: 'text/html' },
      400: { description: 'HTML page: no rating, or not rateable', mediaType: 'text/html' },
      409: { description: 'HTML page: already rated', mediaType: 'text/html' },
    },
  }),
  ticketReach: routeDocs('Tickets', 'agent')({ summary: 'How each agent reply reached the customer (`seen`, `waiting`, `sending`, `mailed`, `failed`, `unreachable`) and the CSAT question and answer', params: pathParams('id'), response: { 200: ticketReachSchema } }),
  transcriptText: routeDocs('Tickets', 'agent')({
    summary: 'The conversation as plain text (never internal notes; attachment names included), as a download',
    params: pathParams('id'),
    response: { 200: { description: 'The transcript', mediaType: 'text/plain' } },
  }),
};

/** The CSAT form: which request it is about (its subject is the customer's text, escaped), and the 1–5 choice. */
function csatFormPage(language: Language, token: string, rating: number | null, ticket: Pick<TicketRow, 'number' | 'subject'> | undefined): string {
  const t = textsFor(language).pages.csat;
  const options = [1, 2, 3, 4, 5]
    .map((n) => `<label><input type="radio" name="rating" value="${n}"${n === rating ? ' checked' : ''} required> ${n}${n === 1 ? ` ${escapeHtml(t.poor)}` : n === 5 ? ` ${escapeHtml(t.great)}` : ''}</label>`)
    .join('<br>');
  const about = ticket ? `<p>${escapeHtml(t.about(ticket.number, ticket.subject))}</p>` : '';
  return htmlPage(
    language,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>${about}<form method="post" action="/csat"><input type="hidden" name="token" value="${escapeHtml(token)}">${languageField(language)}
<fieldset><legend>${escapeHtml(t.legend)}</legend>${options}</fieldset>
<p><label for="comment">${escapeHtml(t.comment)}</label><br><textarea id="comment" name="comment" maxlength="2000" rows="4" cols="40"></textarea></p>
<button type="submit">${escapeHtml(t.send)}</button></form>`,
  );
}

/** A page that only says something: a title, a heading and a line or two, all text. */
function notice(language: Language, title: string, heading: string, ...lines: string[]): string {
  return htmlPage(language, title, `<h1>${escapeHtml(heading)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`);
}

export const reachRoutes: FastifyPluginAsync<{ ctx: ReachContext }> = async (app, { ctx }) => {
  const emailLimiter = ctx.cluster.limiter(EMAILS_PER_HOUR, 3600, 'reach-email');
  const transcriptLimiter = ctx.cluster.limiter(TRANSCRIPTS_PER_HOUR, 3600, 'reach-transcript');
  const addressLimiter = ctx.cluster.limiter(CONFIRMATIONS_PER_ADDRESS_HOUR, 3600, 'reach-address');
  const limited = async (limiter: typeof emailLimiter, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch {
      throw new AppError('rate_limited', `Too many ${what}; try again later`);
    }
  };

  async function requireVisitor(request: FastifyRequest): Promise<VisitorRow> {
    const customer = /^Visitor\s/i.test(request.headers.authorization ?? '') ? await customerOf(ctx, request) : null;
    if (customer?.kind !== 'visitor') throw new AppError('unauthorized', 'A visitor token is needed (Authorization: Visitor <token>)');
    return customer.visitor;
  }

  /** The ticket the messenger's conversation is about: the visitor's newest one. */
  const latestTicketOf = (visitor: VisitorRow): Promise<TicketRow | undefined> =>
    ctx.db.selectFrom('tickets').selectAll().where('visitor_id', '=', visitor.id).where('withdrawn_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst();

  async function visitorReach(visitor: VisitorRow): Promise<VisitorReach> {
    const site = await findSiteById(ctx.db, visitor.site_id);
    const known = await emailReachOf(ctx.db, visitor);
    return { ...known, askForEmail: site ? siteSettings(site).reach.askForEmail : false };
  }

  // ---- the messenger ----

  app.get('/api/widget/reach', DOCS.reach, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return visitorReach(await requireVisitor(request));
  });

  app.post('/api/widget/reach/email', DOCS.giveEmail, async (request, reply) => {
    const visitor = await requireVisitor(request);
    const { email } = parse(giveEmailSchema, request.body);
    if (visitor.verified && visitor.email) throw new AppError('conflict', 'Your email is already known from your sign-in');
    await limited(emailLimiter, visitor.id, 'addresses');
    await limited(addressLimiter, email.toLowerCase(), 'confirmations for this address');
    const site = await findSiteById(ctx.db, visitor.site_id);
    const ticket = await latestTicketOf(visitor);
    await ctx.db.transaction().execute((tx) => giveEmail(ctx, tx, { visitor, email, siteName: site?.name ?? 'our', ticket }));
    return reply.status(201).send(await visitorReach(visitor));
  });

  app.post('/api/widget/transcript', DOCS.transcript, async (request, reply) => {
    const visitor = await requireVisitor(request);
    const known = await emailReachOf(ctx.db, visitor);
    if (known.status !== 'verified' && known.status !== 'confirmed') throw new AppError('conflict', 'Confirm your email address first');
    const ticket = await latestTicketOf(visitor);
    if (!ticket) throw new AppError('not_found', 'There is no conversation with a person to send yet');
    await limited(transcriptLimiter, visitor.id, 'transcripts');
    const site = await findSiteById(ctx.db, ticket.site_id);
    // In the visitor's language (their messenger's), else the site's.
    const language = await visitorLanguage(ctx.db, visitor);
    const mail = textsFor(language).mail;
    const text = await transcriptText(ctx.db, ticket, site?.name ?? 'Frontdesk', language);
    await enqueueMail(ctx.db, ctx.supportEmail, { ticketId: ticket.id, kind: 'transcript', to: known.email, subject: mail.transcriptSubject(ticket.number, site?.name ?? 'Frontdesk'), text }, ctx.now());
    request.log.info({ ticketId: ticket.id, visitorId: visitor.id, to: addressTag(known.email) }, 'transcript mailed to the visitor');
    return reply.status(202).send({ to: known.email });
  });

  // ---- the customer's CSAT (messenger or portal) ----

  app.get<{ Params: { id: string } }>('/api/me/requests/:id/csat', DOCS.csat, async (request) => {
    const customer = await customerOf(ctx, request);
    if (!customer) throw new AppError('unauthorized', 'Sign in to see your requests');
    const ticket = await findOwnTicket(ctx.db, customer, request.params.id);
    return csatOf(ctx.db, ticket.id);
  });

  app.post<{ Params: { id: string } }>('/api/me/requests/:id/csat', DOCS.rate, async (request, reply) => {
    const customer = await customerOf(ctx, request);
    if (!customer) throw new AppError('unauthorized', 'Sign in to see your requests');
    const body = parse(csatAnswerSchema, request.body);
    const ticket = await findOwnTicket(ctx.db, customer, request.params.id);
    const via = customer.kind === 'visitor' ? 'chat' : 'portal';
    const answer = await inTransaction(ctx, (work) => submitCsat(ctx, work, { ticketId: ticket.id, rating: body.rating, comment: body.comment, via, actor: { kind: 'customer', name: ticket.requester_name ?? 'Customer' } }));
    return reply.status(201).send(answer);
  });

  // ---- pages our mail links to (form posts, url-encoded) ----

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const pageLimit = { logLevel: 'warn' as const, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

  /** The language of a confirmation page: the link's, else the visitor's, else the browser's, else the site's. */
  async function confirmLanguage(request: FastifyRequest, asked: unknown, token: string): Promise<Language> {
    const visitorId = token && token.length <= 200 ? await visitorOfConfirmation(ctx.db, token) : null;
    const visitor = visitorId ? await findVisitor(ctx.db, visitorId) : undefined;
    return pageLanguage({ asked, customer: [visitor?.language], acceptLanguage: request.headers['accept-language'], site: visitor ? await siteLanguage(ctx.db, visitor.site_id) : null });
  }

  /** The language of a CSAT page: the link's, else the ticket's customer's, else the browser's, else the site's. */
  async function csatLanguage(request: FastifyRequest, asked: unknown, ticket: TicketRow | undefined): Promise<Language> {
    const known = ticket ? await languagesOfTicket(ctx.db, ticket) : { customer: [], site: null };
    return pageLanguage({ asked, customer: known.customer, acceptLanguage: request.headers['accept-language'], site: known.site });
  }

  app.get<{ Querystring: { token?: string; lang?: string } }>('/reach/confirm', { ...pageLimit, ...DOCS.confirmPage }, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const language = await confirmLanguage(request, request.query.lang, token);
    const t = textsFor(language).pages.confirm;
    return sendPage(
      reply,
      200,
      htmlPage(language, t.title, `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>
<form method="post" action="/reach/confirm"><input type="hidden" name="token" value="${escapeHtml(token)}">${languageField(language)}<button type="submit">${escapeHtml(t.button)}</button></form>`),
    );
  });

  app.post<{ Body: { token?: string; lang?: string } }>('/reach/confirm', { ...pageLimit, ...DOCS.confirm }, async (request, reply) => {
    const token = typeof request.body?.token === 'string' ? request.body.token : '';
    const confirmed = token && token.length <= 200 ? await confirmByToken(ctx.db, token, ctx.now()) : null;
    const language = await confirmLanguage(request, request.body?.lang, token);
    const { pages } = textsFor(language);
    if (!confirmed) return sendPage(reply, 400, notice(language, pages.invalidTitle, pages.invalidHeading, pages.confirm.again));
    request.log.info({ visitorId: confirmed.visitorId }, 'visitor confirmed their email');
    return sendPage(reply, 200, notice(language, pages.confirm.doneTitle, pages.confirm.doneHeading, pages.confirm.doneBody, pages.closePage));
  });

  app.get<{ Querystring: { token?: string; rating?: string; lang?: string } }>('/csat', { ...pageLimit, ...DOCS.csatPage }, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const rating = Number(request.query.rating);
    const ticketId = verifyCsatToken(ctx.secret, token);
    const ticket = ticketId ? await findTicket(ctx.db, ticketId) : undefined;
    const language = await csatLanguage(request, request.query.lang, ticket);
    const { pages } = textsFor(language);
    if (!ticketId) return sendPage(reply, 400, notice(language, pages.invalidTitle, pages.invalidHeading));
    // A withdrawn request's subject is erased: the page names it by number only then.
    return sendPage(reply, 200, csatFormPage(language, token, Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null, ticket && !ticket.withdrawn_at ? ticket : undefined));
  });

  app.post<{ Body: { token?: string; rating?: string; comment?: string; lang?: string } }>('/csat', { ...pageLimit, ...DOCS.rateByMail }, async (request, reply) => {
    const ticketId = verifyCsatToken(ctx.secret, typeof request.body?.token === 'string' ? request.body.token : '');
    const ticket = ticketId ? await findTicket(ctx.db, ticketId) : undefined;
    const language = await csatLanguage(request, request.body?.lang, ticket);
    const { pages } = textsFor(language);
    const t = pages.csat;
    if (!ticketId) return sendPage(reply, 400, notice(language, pages.invalidTitle, pages.invalidHeading));
    const parsed = csatAnswerSchema.safeParse({ rating: Number(request.body?.rating), comment: request.body?.comment });
    if (!parsed.success) return sendPage(reply, 400, notice(language, t.chooseTitle, t.chooseHeading, t.chooseBody));
    try {
      await inTransaction(ctx, (work) => submitCsat(ctx, work, { ticketId, rating: parsed.data.rating, comment: parsed.data.comment, via: 'email', actor: { kind: 'customer', name: ticket?.requester_name ?? 'Customer' } }));
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return sendPage(reply, 409, notice(language, t.alreadyTitle, t.alreadyHeading, t.alreadyBody));
      if (err instanceof AppError) return sendPage(reply, 400, notice(language, t.notRatedTitle, t.notRatedHeading, t.notRateable));
      throw err;
    }
    return sendPage(reply, 200, notice(language, t.thanksTitle, t.thanksHeading, pages.closePage));
  });

  // ---- agents ----

  await app.register(async (agents) => {
    agents.addHook('preHandler', app.requireAgent);
    const ticketOr404 = async (id: string) => {
      const ticket = await findTicket(ctx.db, id);
      if (!ticket) throw new AppError('not_found', 'No such ticket');
      return ticket;
    };

    agents.get<{ Params: { id: string } }>('/api/tickets/:id/reach', DOCS.ticketReach, async (request): Promise<TicketReach> => {
      const ticket = await ticketOr404(request.params.id);
      return { deliveries: await deliveriesOf(ctx.db, ticket), csat: await csatOf(ctx.db, ticket.id) };
    });

    agents.get<{ Params: { id: string } }>('/api/tickets/:id/transcript.txt', DOCS.transcriptText, async (request, reply) => {
      const ticket = await ticketOr404(request.params.id);
      const site = await findSiteById(ctx.db, ticket.site_id);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="request-${ticket.number}.txt"`)
        .header('x-content-type-options', 'nosniff')
        .send(await transcriptText(ctx.db, ticket, site?.name ?? 'Frontdesk'));
    });
  });
};
