/**
 * Never a mail loop, never a crash: out-of-office replies (Exchange, Outlook, Gmail, Apple Mail, German and
 * French), delivery failure reports, read receipts, list and bulk mail create no ticket and get no answer;
 * malformed mail (raw bytes, no headers, broken MIME) is quarantined and the server keeps serving.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../shared/protocol';
import { api } from './harness';
import { EMAIL_TEST_START, SUPPORT, agentView, fixture, openEmailTestbed, sendMail, sendRaw, swaks, tempDir, type EmailServer, type Sink, type SunkMail } from './email-helpers';

const clock = { now: new Date(EMAIL_TEST_START) };
let sink: Sink;
let server: EmailServer;
let cookie: string;

beforeEach(async () => {
  ({ sink, server, cookie } = await openEmailTestbed(clock));
});
afterEach(async () => {
  await server.close();
  await sink.close();
});

const { tickets, get } = agentView(() => ({ server, cookie }));
const quarantined = () => server.app.db.selectFrom('quarantine').selectAll().orderBy('created_at').execute();

/** A real request from Jane and its acknowledgement, so automatic mail has a thread to answer on. */
async function aTicketWithItsAcknowledgement(): Promise<{ ticket: TicketSummary; ack: SunkMail }> {
  await sendMail(server.smtpPort, { from: 'Jane Doe <jane@contoso.example>', subject: 'Invoice export fails with error 500', text: 'The export fails.' });
  await server.deliver();
  const ack = await sink.waitFor(() => true);
  const [ticket] = await tickets();
  return { ticket: ticket!, ack };
}

/** Sends raw mail with swaks (as a real MTA would deliver it), returning swaks's exit code and transcript. */
async function swaksRaw(bytes: Buffer, from: string): Promise<{ code: number; out: string }> {
  const dir = tempDir('frontdesk-swaks-');
  try {
    const path = join(dir.path, 'mail.eml');
    writeFileSync(path, bytes);
    const run = await swaks(['--server', `127.0.0.1:${server.smtpPort}`, '--from', from, '--to', SUPPORT, '--helo', 'mx.example.net', '--data', `@${path}`]);
    return { code: run.code, out: run.stdout + run.stderr };
  } finally {
    dir.remove();
  }
}

describe('automatic mail never creates a ticket and never gets an answer', () => {
  it.each([
    ['Exchange Online automatic reply', 'exchange-online-automatic-reply.eml', 'jane@contoso.example', /automated: Auto-Submitted: auto-generated/],
    ['Outlook 2010 rule-based Out of Office (no Auto-Submitted)', 'outlook-2010-out-of-office.eml', 'robert.smith@contoso.example', /automated: auto-reply subject \(Out of Office AutoReply:\)/],
    ['Gmail vacation responder', 'gmail-vacation.eml', 'jane.doe.contoso@gmail.com', /automated: Auto-Submitted: auto-replied/],
    ['German Exchange "Automatische Antwort"', 'exchange-2016-automatische-antwort.eml', 't.mueller@fabrikam.example', /automated: Auto-Submitted: auto-generated/],
    ['German Apple Mail rule "Abwesenheitsnotiz" (subject only)', 'abwesenheitsnotiz-apple-mail.eml', 'k.schneider@fabrikam.example', /automated: auto-reply subject \(Abwesenheitsnotiz:\)/],
    ['French Outlook "Réponse automatique :" (subject only)', 'reponse-automatique-outlook.eml', 'claire.martin@northwind.example', /automated: auto-reply subject \(Réponse automatique/],
    ['Outlook read receipt (multipart/report, MDN)', 'outlook-read-receipt.eml', 'jane@contoso.example', /automated: read receipt \(multipart\/report; report-type=disposition-notification\)/],
    ['Mailman 3 list post', 'mailman-list-post.eml', 'users-bounces+support=frontdesk.test@lists.example.org', /automated: Precedence: list/],
    ['bulk newsletter', 'newsletter-bulk.eml', 'bounce-4821-93817-support=frontdesk.test@mail.news.contoso-cloud.example', /automated: Precedence: bulk/],
  ])('%s', async (_case, file, envelopeFrom, reason) => {
    const { ticket, ack } = await aTicketWithItsAcknowledgement();
    const before = await get(ticket.id);
    const raw = fixture(file, { SUBJECT: ack.parsed.subject!, IN_REPLY_TO: ack.parsed.messageId! });
    expect(await sendRaw(server.smtpPort, raw, { from: envelopeFrom })).toMatch(/^250/);
    await server.deliver();
    expect(await tickets()).toHaveLength(1);
    const after = await get(ticket.id);
    expect(after.messages).toHaveLength(before.messages.length);
    expect(after.status).toBe(before.status);
    expect(sink.mails).toHaveLength(1); // only Jane's acknowledgement: no answer to the program
    const q = await quarantined();
    expect(q).toHaveLength(1);
    expect(q[0]!.reason).toMatch(reason);
    expect(q[0]!.storage_key).toBeNull();
  });

  it('a delivery failure report from MAILER-DAEMON with an empty return path (sent with swaks)', async () => {
    await aTicketWithItsAcknowledgement();
    const run = await swaksRaw(fixture('postfix-bounce.eml'), '<>');
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('MAIL FROM:<>');
    await server.deliver();
    expect(await tickets()).toHaveLength(1);
    expect(sink.mails).toHaveLength(1);
    expect((await quarantined())[0]!.reason).toMatch(/^automated: empty return path/);
  });

  it('the same report from a non-empty envelope is still recognised by its multipart/report body', async () => {
    // As some relays deliver it: without the Return-Path: <> header, from a named envelope sender.
    const raw = fixture('postfix-bounce.eml').toString('latin1').replace('Return-Path: <>\r\n', '');
    await sendRaw(server.smtpPort, raw, { from: 'bounces@mx.contoso.example' });
    await server.deliver();
    expect(await tickets()).toHaveLength(0);
    expect(sink.mails).toHaveLength(0);
    expect((await quarantined())[0]!.reason).toBe('automated: delivery status report (multipart/report; report-type=delivery-status)');
  });

  it('mail from our own address (a forwarding loop) is ignored', async () => {
    await sendMail(server.smtpPort, { from: SUPPORT, subject: '[#1001] Re: something', text: 'Our own acknowledgement, forwarded back.' });
    await server.deliver();
    expect(await tickets()).toHaveLength(0);
    expect(sink.mails).toHaveLength(0);
  });

  it('a person who asks for no automatic responses (X-Auto-Response-Suppress) gets a ticket but no acknowledgement', async () => {
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Export question', text: 'How do I export to CSV?', headers: { 'X-Auto-Response-Suppress': 'DR, RN, NRN, OOF, AutoReply' } });
    await server.deliver();
    expect(await tickets()).toHaveLength(1);
    expect(sink.mails).toHaveLength(0);
  });
});

describe('malformed mail is quarantined and the server keeps serving', () => {
  it('raw garbage bytes, a mail with no headers and broken MIME, then a good mail still becomes a ticket', async () => {
    // Binary noise in lines (control bytes, NULs, invalid UTF-8), no header in sight.
    const noise = Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0x0a && b !== 0x0d);
    const garbage = Buffer.concat(Array.from({ length: 32 }, (_, i) => Buffer.concat([Buffer.from(noise.slice(i * 120, i * 120 + 120)), Buffer.from('\r\n')])));
    const run = await swaksRaw(garbage, 'garbage@example.net');
    expect(run.code, run.out).toBe(0);
    expect(await sendRaw(server.smtpPort, fixture('missing-headers.eml'), { from: 'someone@example.net' })).toMatch(/^250/);
    expect(await sendRaw(server.smtpPort, fixture('broken-mime.eml'), { from: 'broken@example.net' })).toMatch(/^250/);

    const q = await quarantined();
    expect(q.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^malformed: /),
      'malformed: no mail headers',
      'malformed: broken MIME structure (no readable part)',
    ]);
    // The raw bytes are kept under the attachments folder's quarantine/ for an admin to look at.
    for (const r of q) expect(existsSync(join(server.attachmentsDir, r.storage_key!))).toBe(true);
    expect(readdirSync(join(server.attachmentsDir, 'quarantine'))).toHaveLength(3);
    expect(await tickets()).toHaveLength(0);
    await server.deliver();
    expect(sink.mails).toHaveLength(0);

    expect((await api(server, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'After the garbage', text: 'Does this still work?' });
    expect(await tickets()).toHaveLength(1);
  });
});
