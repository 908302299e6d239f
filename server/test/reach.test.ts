/**
 * Reaching a customer after they leave, over real SMTP and real sockets: an anonymous visitor handed off out of
 * hours on a Friday gives an email, confirms it and goes away; the agent's Monday reply, unseen, is mailed
 * (threaded), and the visitor's emailed answer lands on the same ticket. A reply seen live is not mailed; an
 * unconfirmed address gets nothing but its confirmation; internal notes are never tracked or mailed.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/protocol';
import type { TicketReach, VisitorReach } from '../../shared/reach';
import { api, nextEvent, signIn, tempDbPath, widgetSession } from './harness';
import { agentView, openEmailTestbed, sendMail, startEmailServer, startSink, postForm, visitorApi, emailTestbedEachTest, handedOffVisitor } from './email-helpers';

const clock = { now: new Date('2026-01-16T23:30:00Z') };
const at = (iso: string) => {
  clock.now = new Date(iso);
};
const slot = emailTestbedEachTest();
const view = agentView(() => slot.bed!);
const refs = (r: string | string[] | undefined) => (Array.isArray(r) ? r : r ? [r] : []);



/** A visitor who asked Kai, then for a person: the ticket of the handoff. */
const handedOff = () => handedOffVisitor(slot, 'Our invoices do not export to PDF');

const reply = async (ticketId: string, body: string, internal = false) => {
  const res = await api<{ id: string }>(slot.bed!.server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie: slot.bed!.cookie, body: { body, internal } });
  expect(res.status).toBe(201);
  return res.body;
};
const reachOf = async (ticketId: string) => (await api<TicketReach>(slot.bed!.server, 'GET', `/api/tickets/${ticketId}/reach`, { cookie: slot.bed!.cookie })).body;

describe('a visitor who leaves gets the reply by mail', () => {
  it('Friday night handoff, email given and confirmed; the Monday reply is mailed and the answer threads back', async () => {
    slot.bed = await openEmailTestbed(clock);
    at('2026-01-16T23:30:00Z');
    const { token, ticketId } = await handedOff();

    const before = await visitorApi<VisitorReach>(slot.bed!.server, token, 'GET', '/api/widget/reach');
    expect(before.body).toEqual({ status: 'none', email: null, askForEmail: true });
    const given = await visitorApi<VisitorReach>(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'Ada@Example.net' });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ status: 'pending', email: 'ada@example.net' });
    expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'not an address' })).status).toBe(400);

    expect(await slot.bed.server.deliver()).toBe(1);
    const confirmation = await slot.bed.sink.waitFor((m) => m.to.includes('ada@example.net'));
    expect(confirmation.parsed.subject).toBe('Re: [#1001] Please confirm your email address');
    // Our words only: nothing the visitor wrote goes to an address they typed.
    expect(confirmation.parsed.text).not.toContain('invoices');
    const link = /https?:\/\/\S+\/reach\/confirm\?token=\S+/.exec(confirmation.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();
    // Opening the link (as a mail scanner would) confirms nothing; the page's button does.
    const opened = await fetch(link!.replace(/^https?:\/\/[^/]+/, slot.bed.server.url));
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Confirm my email address');
    expect((await visitorApi<VisitorReach>(slot.bed!.server, token, 'GET', '/api/widget/reach')).body.status).toBe('pending');
    const confirmed = await postForm(slot.bed!.server, '/reach/confirm', { token: new URL(link!).searchParams.get('token')! });
    expect(confirmed.status).toBe(200);
    expect((await visitorApi<VisitorReach>(slot.bed!.server, token, 'GET', '/api/widget/reach')).body.status).toBe('confirmed');
    expect((await postForm(slot.bed!.server, '/reach/confirm', { token: 'forged' })).status).toBe(400);

    // The visitor goes away for the weekend.
    slot.socket!.disconnect();
    slot.socket = null;

    at('2026-01-19T09:00:00Z');
    const answer = await reply(ticketId, 'Hello! PDF export is fixed now, please try again.');
    await reply(ticketId, 'Customer on the legacy plan', true);
    expect(await slot.bed.server.deliver()).toBe(0);
    const waiting = await reachOf(ticketId);
    expect(waiting.deliveries[answer.id]).toEqual({ state: 'waiting', at: '2026-01-19T09:05:00.000Z' });
    expect(Object.keys(waiting.deliveries)).toHaveLength(1);

    // Not due yet: nothing.
    at('2026-01-19T09:04:00Z');
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(0);
    at('2026-01-19T09:05:00Z');
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(1);
    expect((await reachOf(ticketId)).deliveries[answer.id]!.state).toBe('sending');
    expect(await slot.bed.server.deliver()).toBe(1);
    const mail = await slot.bed.sink.waitFor((m) => m.to.includes('ada@example.net') && (m.parsed.text ?? '').includes('PDF export is fixed'));
    expect(mail.parsed.subject).toMatch(/^Re: \[#1001\] /);
    expect(mail.parsed.inReplyTo).toBe(confirmation.parsed.messageId);
    expect(refs(mail.parsed.references)).toContain(confirmation.parsed.messageId);
    expect(slot.bed.sink.mails.some((m) => m.raw.includes('legacy plan'))).toBe(false);
    expect((await reachOf(ticketId)).deliveries[answer.id]).toEqual({ state: 'mailed', at: '2026-01-19T09:05:00.000Z' });
    // Mailed once.
    at('2026-01-19T10:00:00Z');
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(0);

    await sendMail(slot.bed.server.smtpPort, {
      from: 'ada@example.net',
      subject: `Re: ${mail.parsed.subject}`,
      text: 'It works now, thank you!',
      inReplyTo: mail.parsed.messageId!,
      references: [...refs(mail.parsed.references), mail.parsed.messageId!],
    });
    await slot.bed.server.app.email.settled();
    const tickets = await view.tickets();
    expect(tickets).toHaveLength(1);
    expect((await view.get(ticketId)).messages.at(-1)).toMatchObject({ body: 'It works now, thank you!', author: { kind: 'customer' } });
  });

  it('a reply the visitor sees live is not mailed', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId, socket: live } = await handedOff();
    await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'bo@example.net' });
    const link = await (async () => {
      await slot.bed!.server.deliver();
      const m = await slot.bed!.sink.waitFor((x) => x.to.includes('bo@example.net'));
      return new URL(/https?:\/\/\S+\/reach\/confirm\?token=\S+/.exec(m.parsed.text ?? '')![0]);
    })();
    await postForm(slot.bed!.server, '/reach/confirm', { token: link.searchParams.get('token')! });

    const shown = nextEvent<Message>(live, 'message:created', (m) => m.author.kind === 'agent');
    const answer = await reply(ticketId, 'Looking at it now.');
    const message = await shown;
    const ack = await live.timeout(5000).emitWithAck('message:seen', { upToSeq: message.seq });
    expect(ack).toEqual({ ok: true, data: { seen: 1 } });
    expect((await live.timeout(5000).emitWithAck('message:seen', { upToSeq: -1 })).ok).toBe(false);
    at('2026-01-13T11:00:00Z');
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(0);
    expect((await reachOf(ticketId)).deliveries[answer.id]!.state).toBe('seen');
    expect(await slot.bed.server.deliver()).toBe(0);
  });

  it('an unconfirmed address gets its confirmation and nothing else; a reply to the confirmation confirms it', async () => {
    slot.bed = await openEmailTestbed(clock);
    const { token, ticketId } = await handedOff();
    slot.socket!.disconnect();
    slot.socket = null;
    await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'stranger@example.net' });
    await slot.bed.server.deliver();
    const confirmation = await slot.bed.sink.waitFor((m) => m.to.includes('stranger@example.net'));

    const answer = await reply(ticketId, 'Here is what to do next.');
    at('2026-01-13T10:30:00Z');
    expect(await slot.bed.server.app.reach.mailUnseen()).toBe(0);
    expect((await reachOf(ticketId)).deliveries[answer.id]!.state).toBe('unreachable');
    expect(await slot.bed.server.deliver()).toBe(0);
    expect(slot.bed.sink.mails).toHaveLength(1);
    // Transcripts too wait for a confirmed address.
    expect((await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/transcript')).status).toBe(409);

    // Someone else replying to the confirmation confirms nothing; the owner's reply does.
    await sendMail(slot.bed.server.smtpPort, { from: 'mallory@example.org', subject: `Re: ${confirmation.parsed.subject}`, text: 'yes', inReplyTo: confirmation.parsed.messageId! });
    await slot.bed.server.app.email.settled();
    expect((await visitorApi<VisitorReach>(slot.bed!.server, token, 'GET', '/api/widget/reach')).body.status).toBe('pending');
    await sendMail(slot.bed.server.smtpPort, { from: 'stranger@example.net', subject: `Re: ${confirmation.parsed.subject}`, text: 'Yes, that is me', inReplyTo: confirmation.parsed.messageId! });
    await slot.bed.server.app.email.settled();
    expect((await visitorApi<VisitorReach>(slot.bed!.server, token, 'GET', '/api/widget/reach')).body.status).toBe('confirmed');
  });

  it('a due time survives a restart: the reply is mailed by the next process', async () => {
    const db = tempDbPath();
    try {
      clock.now = new Date('2026-01-13T10:00:00Z');
      const sink = await startSink();
      let server = await startEmailServer({ now: () => clock.now, smtpUrl: sink.url, dbPath: db.path });
      slot.bed = { sink, server, cookie: await signIn(server) };
      const { token, ticketId } = await handedOff();
      slot.socket!.disconnect();
      slot.socket = null;
      await visitorApi(slot.bed!.server, token, 'POST', '/api/widget/reach/email', { email: 'cy@example.net' });
      await server.deliver();
      const confirmation = await sink.waitFor((m) => m.to.includes('cy@example.net'));
      await postForm(slot.bed!.server, '/reach/confirm', { token: new URL(/https?:\/\/\S+\/reach\/confirm\?token=\S+/.exec(confirmation.parsed.text ?? '')![0]).searchParams.get('token')! });
      const answer = await reply(ticketId, 'Answered before the restart.');
      await server.close();

      at('2026-01-13T10:06:00Z');
      server = await startEmailServer({ now: () => clock.now, smtpUrl: sink.url, dbPath: db.path });
      slot.bed = { sink, server, cookie: await signIn(server) };
      expect(await server.app.reach.mailUnseen()).toBe(1);
      await server.deliver();
      await sink.waitFor((m) => m.to.includes('cy@example.net') && (m.parsed.text ?? '').includes('Answered before the restart.'));
      expect((await reachOf(ticketId)).deliveries[answer.id]!.state).toBe('mailed');
    } finally {
      await slot.bed?.server.close();
      await slot.bed?.sink.close();
      slot.bed = null;
      db.cleanup();
    }
  });

  it('refuses a missing or forged visitor token; a verified identity is never asked', async () => {
    slot.bed = await openEmailTestbed(clock);
    const res = await fetch(`${slot.bed.server.url}/api/widget/reach`);
    expect(res.status).toBe(401);
    expect((await visitorApi(slot.bed!.server, 'forged.token', 'GET', '/api/widget/reach')).status).toBe(401);
    expect((await api(slot.bed.server, 'GET', '/api/tickets/x/reach')).status).toBe(401);
    expect((await api(slot.bed.server, 'GET', '/api/tickets/x/transcript.txt')).status).toBe(401);
    // A verified identity (the site's signed JWT carried the email) is never asked, and cannot be replaced.
    const session = await widgetSession(slot.bed.server);
    await slot.bed.server.app.db.updateTable('visitors').set({ verified: 1, email: 'vip@example.net' }).where('id', '=', session.visitorId).execute();
    expect((await visitorApi<VisitorReach>(slot.bed!.server, session.token, 'GET', '/api/widget/reach')).body).toEqual({ status: 'verified', email: 'vip@example.net', askForEmail: true });
    expect((await visitorApi(slot.bed!.server, session.token, 'POST', '/api/widget/reach/email', { email: 'other@example.net' })).status).toBe(409);
    // One address gets at most three confirmations an hour, however many visitors type it.
    for (let i = 0; i < 3; i++) expect((await visitorApi(slot.bed!.server, (await widgetSession(slot.bed.server)).token, 'POST', '/api/widget/reach/email', { email: 'victim@example.net' })).status).toBe(201);
    expect((await visitorApi(slot.bed!.server, (await widgetSession(slot.bed.server)).token, 'POST', '/api/widget/reach/email', { email: 'Victim@example.net' })).status).toBe(429);
  });

  it('is documented in the OpenAPI document', async () => {
    slot.bed = await openEmailTestbed(clock);
    const doc = await api<{ paths: Record<string, Record<string, unknown>> }>(slot.bed.server, 'GET', '/api/openapi.json');
    for (const [path, method] of [['/api/widget/reach', 'get'], ['/api/widget/reach/email', 'post'], ['/api/widget/transcript', 'post'], ['/api/me/requests/{id}/csat', 'post'], ['/csat', 'post'], ['/reach/confirm', 'post'], ['/api/tickets/{id}/reach', 'get'], ['/api/tickets/{id}/transcript.txt', 'get']] as const) {
      expect(doc.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
