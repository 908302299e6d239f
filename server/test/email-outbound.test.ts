/**
 * Email out, over real SMTP: an agent's public reply on an email ticket reaches the customer threaded
 * (In-Reply-To their newest mail, References the thread), internal notes never do, the customer's answer to
 * that mail threads back; while the transport is down mail waits in the outbox and goes out, once, when it is
 * back (driven by the frozen clock).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import { TEST_ADMIN } from './test-admin';
import { api, signIn } from './harness';
import { SUPPORT, freePort, sendMail, startEmailServer, startSink, type EmailServer, type Sink } from './email-helpers';

const clock = { now: new Date('2026-01-13T10:00:00Z') };
const at = (iso: string) => {
  clock.now = new Date(iso);
};
let sink: Sink | null = null;
let server: EmailServer | null = null;
let cookie: string;

afterEach(async () => {
  await server?.close();
  await sink?.close();
  server = null;
  sink = null;
});

async function start(smtpUrl: string): Promise<EmailServer> {
  clock.now = new Date('2026-01-13T10:00:00Z');
  server = await startEmailServer({ now: () => clock.now, smtpUrl });
  cookie = await signIn(server);
  return server;
}

const tickets = async (s: EmailServer) => (await api<{ tickets: TicketSummary[] }>(s, 'GET', '/api/tickets', { cookie })).body.tickets;
const get = async (s: EmailServer, id: string) => (await api<TicketDetail>(s, 'GET', `/api/tickets/${id}`, { cookie })).body;
const reply = async (s: EmailServer, id: string, body: string, internal = false) => {
  const res = await api(s, 'POST', `/api/tickets/${id}/messages`, { cookie, body: { body, internal } });
  expect(res.status).toBe(201);
};
const refs = (r: string | string[] | undefined) => (Array.isArray(r) ? r : r ? [r] : []);
const outbox = (s: EmailServer) => s.app.db.selectFrom('email_outbox').selectAll().orderBy('created_at').execute();

describe('agent replies by email', () => {
  it('a public reply is mailed threaded on the customer’s newest mail; an internal note is never mailed', async () => {
    sink = await startSink();
    const s = await start(sink.url);
    await sendMail(s.smtpPort, { from: 'Jane Doe <jane@contoso.example>', subject: 'Invoice export fails', text: 'The export fails with error 500.', messageId: '<m1@contoso.example>' });
    await s.deliver();
    const ack = await sink.waitFor((m) => m.parsed.inReplyTo === '<m1@contoso.example>');
    at('2026-01-13T10:20:00Z');
    await sendMail(s.smtpPort, { from: 'jane@contoso.example', subject: `Re: ${ack.parsed.subject}`, text: 'It also fails for PDF.', messageId: '<m2@contoso.example>', inReplyTo: ack.parsed.messageId!, references: ['<m1@contoso.example>', ack.parsed.messageId!] });
    const [t] = await tickets(s);

    at('2026-01-13T10:30:00Z');
    await reply(s, t!.id, 'Customer is on the legacy plan; check the export quota first.', true);
    await reply(s, t!.id, 'Hello Jane,\n\nWe found the cause and fixed it. Please try the export again.');
    expect(await s.deliver()).toBe(1);
    const mail = await sink.waitFor((m) => m.parsed.subject?.startsWith('Re: [#1001]') ?? false);
    expect(mail.to).toEqual(['jane@contoso.example']);
    expect(mail.parsed.from?.value[0]?.address).toBe(SUPPORT);
    expect(mail.parsed.subject).toBe('Re: [#1001] Invoice export fails');
    expect(mail.parsed.text).toContain('We found the cause and fixed it.');
    expect(mail.parsed.text).toContain(TEST_ADMIN.name);
    expect(mail.parsed.inReplyTo).toBe('<m2@contoso.example>');
    expect(refs(mail.parsed.references)).toEqual(['<m1@contoso.example>', ack.parsed.messageId!, '<m2@contoso.example>']);
    // A person's reply is not marked automatic.
    expect(mail.parsed.headers.get('auto-submitted')).toBeUndefined();
    // The internal note went nowhere: not to the sink, not into the outbox.
    expect(sink.mails.some((m) => m.raw.includes('legacy plan'))).toBe(false);
    expect((await outbox(s)).map((o) => o.kind)).toEqual(['acknowledgement', 'reply']);

    // Jane answers the agent's mail: it threads onto the same ticket.
    at('2026-01-13T11:00:00Z');
    await sendMail(s.smtpPort, { from: 'jane@contoso.example', subject: `Re: ${mail.parsed.subject}`, text: 'Works now, thanks!', inReplyTo: mail.parsed.messageId!, references: [...refs(mail.parsed.references), mail.parsed.messageId!] });
    expect(await tickets(s)).toHaveLength(1);
    expect((await get(s, t!.id)).messages.at(-1)!.body).toBe('Works now, thanks!');
  });

  it('replies on phone, portal and API tickets with a known email are mailed at once, threaded; internal notes are not', async () => {
    sink = await startSink();
    const s = await start(sink.url);
    const created = await api<TicketDetail>(s, 'POST', '/api/tickets', { cookie, body: { subject: 'Phone call', description: 'Called about invoices', channel: 'phone', requester: { email: 'caller@example.org' }, urgency: 'low', impact: 'low' } });
    await reply(s, created.body.id, 'Noted on the call: check the export quota.', true);
    await reply(s, created.body.id, 'Called back: the quota is raised.');
    expect(await s.deliver()).toBe(1);
    const mail = await sink.waitFor((m) => m.to.includes('caller@example.org'));
    expect(mail.parsed.subject).toBe('Re: [#1001] Phone call');
    expect(mail.parsed.text).toContain('Called back: the quota is raised.');
    expect(sink.mails.some((m) => m.raw.includes('export quota'))).toBe(false);
    expect((await outbox(s)).map((o) => o.kind)).toEqual(['reply']);
    // The caller answers the mail: it lands on the phone ticket.
    await sendMail(s.smtpPort, { from: 'caller@example.org', subject: `Re: ${mail.parsed.subject}`, text: 'Thanks, it works.', inReplyTo: mail.parsed.messageId! });
    expect(await tickets(s)).toHaveLength(1);
    expect((await get(s, created.body.id)).messages.at(-1)!.body).toBe('Thanks, it works.');
  });

  it('a reply on an API ticket without an email is not mailed (nobody to mail)', async () => {
    sink = await startSink();
    const s = await start(sink.url);
    const created = await api<TicketDetail>(s, 'POST', '/api/tickets', { cookie, body: { subject: 'From the API', description: 'No email here', channel: 'api', urgency: 'low', impact: 'low' } });
    await reply(s, created.body.id, 'Answered.');
    expect(await s.deliver()).toBe(0);
    expect(await outbox(s)).toHaveLength(0);
  });
});

describe('the transport is down', () => {
  it('mail waits in the outbox with backoff and is delivered once the transport is back', async () => {
    const port = await freePort();
    const s = await start(`smtp://127.0.0.1:${port}`);
    await sendMail(s.smtpPort, { from: 'Jane Doe <jane@contoso.example>', subject: 'Invoice export fails', text: 'The export fails.', messageId: '<down-1@contoso.example>' });
    const [t] = await tickets(s);
    await reply(s, t!.id, 'We are looking into it.');

    expect(await s.deliver()).toBe(0);
    let queued = await outbox(s);
    expect(queued.map((m) => [m.kind, m.status, m.attempts])).toEqual([['acknowledgement', 'queued', 1], ['reply', 'queued', 1]]);
    expect(queued[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);
    // The first retry is 10 s later; nothing is tried before then.
    expect(queued[0]!.next_attempt_at).toBe('2026-01-13T10:00:10.000Z');
    at('2026-01-13T10:00:05Z');
    expect(await s.app.frontdesk.outbox!.flush()).toBe(0);
    expect((await outbox(s))[0]!.attempts).toBe(1);
    // Still down at the first retry: the next waits 30 s.
    at('2026-01-13T10:00:10Z');
    expect(await s.app.frontdesk.outbox!.flush()).toBe(0);
    queued = await outbox(s);
    expect(queued[0]!.attempts).toBe(2);
    expect(queued[0]!.next_attempt_at).toBe('2026-01-13T10:00:40.000Z');

    sink = await startSink(port);
    at('2026-01-13T10:00:40Z');
    expect(await s.app.frontdesk.outbox!.flush()).toBe(2);
    const ack = await sink.waitFor((m) => m.parsed.subject === '[#1001] Re: Invoice export fails');
    expect(ack.parsed.inReplyTo).toBe('<down-1@contoso.example>');
    await sink.waitFor((m) => m.parsed.subject === 'Re: [#1001] Invoice export fails');
    expect((await outbox(s)).map((m) => m.status)).toEqual(['sent', 'sent']);
    // Sent once: nothing more goes out later.
    at('2026-01-13T12:00:00Z');
    expect(await s.app.frontdesk.outbox!.flush()).toBe(0);
    expect(sink.mails).toHaveLength(2);
  });
});
