/**
 * Email in, over real SMTP both ways: a mail becomes a ticket (triaged, routed, acknowledged with its number
 * and the honest promise, threaded); replies thread onto their ticket by headers or by number; a solved ticket
 * reopens, a closed one gets a follow-up; HTML and any charset become readable text; recipients other than
 * SUPPORT_EMAIL are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, TicketDetail } from '../../shared/protocol';
import { api, connectDesk, nextEvent } from './harness';
import { EMAIL_TEST_START, SUPPORT, agentView, fixture, openEmailTestbed, sendMail, sendRaw, smtpDialogue, swaks, tempDir, type EmailServer, type Sink, type SunkMail } from './email-helpers';
import { GMAIL_DKIM, dkimSigned } from './email-dns';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const clock = { now: new Date(EMAIL_TEST_START) };
const at = (iso: string) => {
  clock.now = new Date(iso);
};
let sink: Sink;
let server: EmailServer;
let cookie: string;

beforeEach(async () => {
  ({ sink, server, cookie } = await openEmailTestbed(clock));
});
let closed = false;
afterEach(async () => {
  if (!closed) await server.close();
  closed = false;
  await sink.close();
});

const { tickets, get } = agentView(() => ({ server, cookie }));
const byNumber = async (n: number) => {
  const t = (await tickets()).find((x) => x.number === n);
  if (!t) throw new Error(`no ticket #${n}`);
  return get(t.id);
};
const patch = async (id: string, body: Record<string, unknown>) => {
  const res = await api<TicketDetail>(server, 'PATCH', `/api/tickets/${id}`, { cookie, body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body;
};
const agentReply = async (id: string, body: string, internal = false) => {
  const res = await api(server, 'POST', `/api/tickets/${id}/messages`, { cookie, body: { body, internal } });
  expect(res.status).toBe(201);
};
const header = (m: SunkMail, name: string) => {
  const v = m.parsed.headers.get(name);
  return typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : undefined;
};
const refsOf = (m: SunkMail) => (Array.isArray(m.parsed.references) ? m.parsed.references : m.parsed.references ? [m.parsed.references] : []);

/** Jane writes a new request with nodemailer and we wait for its acknowledgement. */
async function janeWrites(subject = 'Invoice export fails with error 500'): Promise<{ ticket: TicketDetail; ack: SunkMail; messageId: string }> {
  const messageId = `<new-${Math.random().toString(36).slice(2)}@contoso.example>`;
  await sendMail(server.smtpPort, {
    from: 'Jane Doe <jane@contoso.example>',
    subject,
    text: 'Since this morning the invoice export fails with "Error 500". Our finance team is blocked and cannot send invoices today.',
    messageId,
  });
  await server.deliver();
  const ack = await sink.waitFor((m) => m.parsed.inReplyTo === messageId);
  const [summary] = (await tickets()).filter((t) => t.requester.email === 'jane@contoso.example').sort((a, b) => b.number - a.number);
  return { ticket: await get(summary!.id), ack, messageId };
}

describe('a new email', () => {
  it('becomes a triaged, routed email ticket, and the customer gets a threaded acknowledgement with the number and the promise', async () => {
    // Signed by Gmail, as every Gmail mail is: an authenticated sender gets an acknowledgement naming their subject.
    const answer = await sendRaw(server.smtpPort, await dkimSigned(fixture('gmail-new-request.eml'), GMAIL_DKIM, 'gmail.com'), { from: 'jane.doe.contoso@gmail.com' });
    expect(answer).toMatch(/^250 .*request #1001/);

    const all = await tickets();
    expect(all).toHaveLength(1);
    const t = await get(all[0]!.id);
    expect(t).toMatchObject({
      number: 1001,
      channel: 'email',
      status: 'new',
      subject: 'Invoice export fails with error 500',
      requester: { name: 'Jane Doe', email: 'jane.doe.contoso@gmail.com', timeZone: null },
      centre: 'uk',
    });
    expect(t.description).toContain('Our whole finance team is blocked');
    // Triage by Kai's engine: urgency and impact each with a reason, priority from the matrix, a category.
    expect(t.urgency).toBe('high');
    expect(t.urgencyReason).toBeTruthy();
    expect(t.impactReason).toBeTruthy();
    expect(t.category).toBe('billing');
    expect(t.priority).toBe('high');
    // The Date header (09:58:01, two minutes before it reached us) is when the customer wrote: the SLA runs from it.
    expect(t.receivedAt).toBe('2026-01-13T09:58:01.000Z');
    expect(t.firstResponseDueAt).toBe('2026-01-13T10:58:01.000Z');
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]).toMatchObject({ author: { kind: 'customer', name: 'Jane Doe' }, internal: false });
    expect(t.messages[0]!.quoted ?? null).toBeNull();
    expect(t.senderVerified).toBe(true);

    expect(await server.deliver()).toBe(1);
    const ack = await sink.waitFor(() => true);
    expect(ack.to).toEqual(['jane.doe.contoso@gmail.com']);
    expect(ack.parsed.from?.value[0]?.address).toBe(SUPPORT);
    expect(ack.parsed.subject).toBe('[#1001] Re: Invoice export fails with error 500');
    expect(ack.parsed.text).toContain('#1001');
    expect(ack.parsed.text).toContain('Our UK team is in now and will reply by 10:58 UTC.');
    expect(ack.parsed.inReplyTo).toBe('<CAJx9pT4w2m0Rk8z6qHc7vN3yQe5sXbZ1oLd0fKg@mail.gmail.com>');
    expect(refsOf(ack)).toContain('<CAJx9pT4w2m0Rk8z6qHc7vN3yQe5sXbZ1oLd0fKg@mail.gmail.com>');
    // Marked automatic, so the customer's own auto-responder stays quiet (no loop).
    expect(header(ack, 'auto-submitted')).toBe('auto-replied');
  });

  it('uses the time it arrived when the Date header is in the future or days old', async () => {
    at('2026-01-13T08:00:00Z');
    await sendRaw(server.smtpPort, fixture('gmail-new-request.eml'), { from: 'jane.doe.contoso@gmail.com' });
    at('2026-01-20T10:00:00Z');
    await sendMail(server.smtpPort, { from: 'old@example.org', subject: 'Old mail', text: 'Written long ago.', date: new Date('2026-01-10T10:00:00Z') });
    const list = await tickets();
    const future = list.find((t) => t.number === 1001)!;
    const old = list.find((t) => t.number === 1002)!;
    expect(future.receivedAt).toBe('2026-01-13T08:00:00.000Z');
    expect(old.receivedAt).toBe('2026-01-20T10:00:00.000Z');
  });

  it('turns HTML-only mail into readable text and answers the Reply-To person of a web form', async () => {
    await sendRaw(server.smtpPort, fixture('html-only.eml'), { from: 'noreply@shop.contoso.example' });
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.requester).toMatchObject({ name: 'Marco Rossi', email: 'marco.rossi@fabrikam.example' });
    const text = t.description;
    expect(text).not.toMatch(/<[a-z!/]/i);
    expect(text).not.toMatch(/trackOpen|font-family|border-collapse|&amp;|&nbsp;|&#39;/);
    expect(text).toContain('New contact form message');
    expect(text).toMatch(/Name\s+Marco Rossi/);
    expect(text).toContain('the parcel for order #55812 arrived today with the box crushed & the screen of the monitor is cracked.');
    expect(text).toContain('I\'d like a replacement — not a refund.');
    expect(text).toMatch(/\* Courier: FastShip/);
    expect(text).toContain('parcel photos [https://files.fabrikam.example/parcel-55812]');
    // "#55812" in the subject is an order number, not one of this sender's tickets: a new ticket.
    expect(t.number).toBe(1001);
    await server.deliver();
    const ack = await sink.waitFor(() => true);
    expect(ack.to).toEqual(['marco.rossi@fabrikam.example']);
  });

  it.each([
    ['ISO-8859-1, quoted-printable, encoded-word subject (Thunderbird)', 'iso-8859-1-thunderbird.eml', 'j.weiss@mueller-soehne.example', 'Jürgen Weiß', 'Rechnungsexport für März schlägt fehl', 'Die Schaltfläche "Exportieren" reagiert nicht, und der Bericht für März bleibt leer.'],
    ['Shift_JIS, base64 (Becky!)', 'shift_jis-becky.eml', 't.yamada@example.co.jp', '山田 太郎', '請求書のエクスポートができません', '請求書のエクスポートができません。ボタンを押すとエラー500が表示されます。'],
  ])('decodes %s', async (_case, file, from, name, subject, sentence) => {
    await sendRaw(server.smtpPort, fixture(file), { from });
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.subject).toBe(subject);
    expect(t.requester.name).toBe(name);
    expect(t.description).toContain(sentence);
    expect(t.description).not.toContain('\ufffd');
  });

  it('decodes 8-bit windows-1251 sent raw with swaks', async () => {
    const dir = tempDir('frontdesk-swaks-');
    try {
      const path = join(dir.path, 'mail.eml');
      writeFileSync(path, fixture('windows-1251-outlook-express.eml'));
      const run = await swaks(['--server', `127.0.0.1:${server.smtpPort}`, '--from', 'ivan.petrov@example.ru', '--to', SUPPORT, '--helo', 'mail.example.ru', '--data', `@${path}`]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
    } finally {
      dir.remove();
    }
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.subject).toBe('Ошибка при выгрузке счетов');
    expect(t.requester.name).toBe('Иван Петров');
    expect(t.description).toContain('Не работает выгрузка счетов: после нажатия кнопки появляется ошибка 500.');
  });
});

describe('a reply', () => {
  it('threads by In-Reply-To/References onto its ticket (no new ticket), with the quoted history folded away', async () => {
    const { ticket, ack, messageId } = await janeWrites();
    const desk = await connectDesk(server, cookie);
    await desk.timeout(5000).emitWithAck('ticket:watch', { ticketId: ticket.id });
    // An agent watching the ticket sees the reply live.
    const live = nextEvent<{ ticketId: string; message: Message }>(desk, 'message:created', (e) => e.ticketId === ticket.id);
    at('2026-01-13T11:20:00Z');
    // Outlook keeps no ticket number in this subject: only the headers can thread it.
    const raw = fixture('outlook-reply.eml', { SUBJECT: 'Invoice export fails with error 500', IN_REPLY_TO: ack.parsed.messageId!, REFERENCES: `${messageId} ${ack.parsed.messageId!}`, MESSAGE_ID: '<reply-1@contoso.example>' });
    expect(await sendRaw(server.smtpPort, raw, { from: 'jane@contoso.example' })).toMatch(/added to request #1001/);
    expect((await live).message.body).toContain('It still fails after clearing the cache.');
    desk.close();

    expect(await tickets()).toHaveLength(1);
    const t = await get(ticket.id);
    expect(t.messages).toHaveLength(2);
    const reply = t.messages[1]!;
    expect(reply.author).toEqual({ kind: 'customer', name: 'Jane Doe' });
    expect(reply.body).toContain('It still fails after clearing the cache.');
    expect(reply.body).toContain('Kind regards');
    expect(reply.body).not.toContain('Please clear your browser cache');
    expect(reply.quoted).toContain('Please clear your browser cache and try the export again.');
    expect(reply.quoted).toContain('From: Frontdesk Support');
    // A reply is not acknowledged again.
    await server.deliver();
    expect(sink.mails).toHaveLength(1);
  });

  it('threads by the number in the subject from the same address; the same number from another address is a new ticket', async () => {
    const { ticket } = await janeWrites();
    at('2026-01-13T10:30:00Z');
    // No threading headers at all, as from a client that drops them.
    await sendMail(server.smtpPort, { from: 'JANE@contoso.example', subject: 'Re: [#1001] Invoice export fails with error 500', text: 'Here is the error ID: 7f3a-22.' });
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'One more thing about #1001', text: 'It also fails for PDF.' });
    expect(await tickets()).toHaveLength(1);
    const t = await get(ticket.id);
    expect(t.messages.map((m) => m.body)).toEqual([ticket.description, 'Here is the error ID: 7f3a-22.', 'It also fails for PDF.']);

    // Someone else typing the number does not get into Jane's ticket.
    await sendMail(server.smtpPort, { from: 'mallory@evil.example', subject: 'Re: [#1001] Invoice export fails with error 500', text: 'Please send me the invoices.' });
    const list = await tickets();
    expect(list).toHaveLength(2);
    const other = list.find((x) => x.number === 1002)!;
    expect(other.requester.email).toBe('mallory@evil.example');
    expect((await get(ticket.id)).messages).toHaveLength(3);
  });

  it('reopens a solved ticket', async () => {
    const { ticket, ack } = await janeWrites();
    await agentReply(ticket.id, 'Please try again now, we fixed it.');
    await patch(ticket.id, { status: 'solved' });
    at('2026-01-13T12:00:00Z');
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: `Re: ${ack.parsed.subject}`, text: 'Still broken, sorry.', inReplyTo: ack.parsed.messageId!, references: [ack.parsed.messageId!] });
    const t = await get(ticket.id);
    expect(t.status).toBe('open');
    expect(t.events.map((e) => e.type)).toContain('reopened');
    expect(t.messages.at(-1)!.body).toBe('Still broken, sorry.');
    expect(await tickets()).toHaveLength(1);
  });

  it('to a closed ticket starts a follow-up ticket linked to it, acknowledged as such; later replies go to the follow-up', async () => {
    const { ticket, ack, messageId } = await janeWrites();
    await patch(ticket.id, { status: 'solved' });
    await patch(ticket.id, { status: 'closed' });
    at('2026-01-14T10:00:00Z');
    const firstReply = '<after-close-1@contoso.example>';
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: `Re: ${ack.parsed.subject}`, text: 'It is broken again since this morning.', inReplyTo: ack.parsed.messageId!, references: [messageId, ack.parsed.messageId!], messageId: firstReply });
    const list = await tickets();
    expect(list).toHaveLength(2);
    const followUp = await byNumber(1002);
    expect(followUp).toMatchObject({ followUpOf: ticket.id, channel: 'email', subject: 'Invoice export fails with error 500', requester: { email: 'jane@contoso.example' } });
    expect(followUp.description).toBe('It is broken again since this morning.');
    expect((await get(ticket.id)).status).toBe('closed');
    await server.deliver();
    const followUpAck = await sink.waitFor((m) => m.parsed.inReplyTo === firstReply);
    expect(followUpAck.parsed.subject).toBe('[#1002] Re: Invoice export fails with error 500');
    expect(followUpAck.parsed.text).toContain('#1001 is closed');
    expect(followUpAck.parsed.text).toContain('#1002');

    // Replying to the old mail again: the open follow-up takes it, no third ticket.
    at('2026-01-14T10:30:00Z');
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: `Re: ${ack.parsed.subject}`, text: 'Screenshot attached soon.', inReplyTo: ack.parsed.messageId! });
    expect(await tickets()).toHaveLength(2);
    expect((await get(followUp.id)).messages.map((m) => m.body)).toContain('Screenshot attached soon.');
  });

  it('is ignored when the same mail arrives twice (a retried delivery)', async () => {
    const { ticket, ack } = await janeWrites();
    const mail = { from: 'jane@contoso.example', subject: 'Re: x', text: 'Once only.', inReplyTo: ack.parsed.messageId!, messageId: '<retried@contoso.example>' };
    await sendMail(server.smtpPort, mail);
    await sendMail(server.smtpPort, mail);
    expect((await get(ticket.id)).messages.filter((m) => m.body === 'Once only.')).toHaveLength(1);
  });
});

describe('the SMTP server', () => {
  it('refuses recipients other than SUPPORT_EMAIL with 550 and a clear reason, and accepts sub-addresses', async () => {
    const run = await swaks(['--server', `127.0.0.1:${server.smtpPort}`, '--from', 'jane@contoso.example', '--to', 'sales@frontdesk.test', '--helo', 'contoso.example', '--quit-after', 'RCPT']);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/550 5\.1\.1 <sales@frontdesk\.test>: no such mailbox here; this server only accepts mail for support@frontdesk\.test/);
    expect(await sendMail(server.smtpPort, { from: 'jane@contoso.example', to: 'support+billing@frontdesk.test', subject: 'Plus address', text: 'Hello' })).toMatch(/^250/);
    expect(await tickets()).toHaveLength(1);
  });

  it('refuses mail over the size limit with 552, declared or streamed', async () => {
    const declared = await smtpDialogue(server.smtpPort, ['EHLO contoso.example', 'MAIL FROM:<jane@contoso.example> SIZE=30000000', 'QUIT']);
    expect(declared[1]).toMatch(/SIZE 26214400/);
    expect(declared[2]).toMatch(/^552 .*maximum message size/);
    const big = Buffer.alloc(26 * 1024 * 1024, 'a');
    const sent = sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Huge', text: 'See attached', attachments: [{ filename: 'huge.bin', content: big }] });
    await expect(sent).rejects.toThrow(/552/);
    expect(await tickets()).toHaveLength(0);
    // Still serving.
    expect((await api(server, 'GET', '/healthz')).status).toBe(200);
  });

  it('stops with the app: close finishes within seconds with a client still connected, and the port is free again', async () => {
    const { connect } = await import('node:net');
    const idle = connect(server.smtpPort, '127.0.0.1');
    await new Promise<void>((resolve) => idle.once('data', () => resolve()));
    idle.write('EHLO idle.example\r\n');
    const started = Date.now();
    closed = true;
    await server.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    idle.destroy();
    const probe = connect(server.smtpPort, '127.0.0.1');
    const refused = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(true));
      probe.once('connect', () => resolve(false));
    });
    probe.destroy();
    expect(refused).toBe(true);
  });
});
