/**
 * A From line is forged at will and ticket numbers are sequential, so a number in the subject threads a mail
 * only when its From is the requester and authenticated (SPF, DKIM, DMARC checked by mailauth against the DNS
 * table below), or when the mail names one of our Message-IDs. Over real SMTP, with mail DKIM-signed for real.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from './harness';
import { EMAIL_TEST_START, SUPPORT, agentView, sendMail, sendRaw, startEmailServer, startSink, type EmailServer, type Sink } from './email-helpers';
import { dkimKey, dkimSigned, silentResolver, tableResolver, type DnsTable } from './email-dns';
import type { DnsResolver } from '../src/channels/email/sender-auth';
import { addressTag } from '../src/channels/email/mail-log';

const FABRIKAM = dkimKey();
/**
 * fabrikam.example signs its mail (DKIM) and publishes DMARC p=reject; its SPF names another address than
 * the test client's, so its mail passes by DKIM alone. evil.example is the attacker's own domain: its SPF
 * passes from here, but for evil.example, not for the From it forges. northwind.example publishes nothing.
 */
const DNS: DnsTable = {
  'fabrikam.example': { TXT: ['v=spf1 ip4:192.0.2.10 -all'] },
  'test._domainkey.fabrikam.example': { TXT: [FABRIKAM.record] },
  '_dmarc.fabrikam.example': { TXT: ['v=DMARC1; p=reject; adkim=r; aspf=r'] },
  'evil.example': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
};

const clock = { now: new Date(EMAIL_TEST_START) };
let sink: Sink | null = null;
let server: EmailServer | null = null;
let cookie = '';
let logs = '';

async function start(opts: { resolver?: DnsResolver; env?: Record<string, string> } = {}): Promise<EmailServer> {
  clock.now = new Date(EMAIL_TEST_START);
  logs = '';
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => (logs += c.toString()));
  sink = await startSink();
  server = await startEmailServer({ now: () => clock.now, smtpUrl: sink.url, dnsResolver: opts.resolver ?? tableResolver(DNS), logStream: stream, env: { LOG_LEVEL: 'info', ...opts.env } });
  cookie = await signIn(server);
  return server;
}

afterEach(async () => {
  await server?.close();
  await sink?.close();
  server = null;
  sink = null;
});

const { tickets, get } = agentView(() => ({ server: server!, cookie }));

/** A plain-text mail as a mail program writes it, CRLF line ends. */
function rawMail(h: { from: string; subject: string; text: string; messageId: string; inReplyTo?: string; extra?: string[] }): string {
  return [
    ...(h.extra ?? []),
    `From: ${h.from}`,
    `To: ${SUPPORT}`,
    `Subject: ${h.subject}`,
    'Date: Tue, 13 Jan 2026 09:59:00 +0000',
    `Message-ID: ${h.messageId}`,
    ...(h.inReplyTo ? [`In-Reply-To: ${h.inReplyTo}`, `References: ${h.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    h.text,
    '',
  ].join('\r\n');
}

/** Ada, at fabrikam.example, writes in: her mail server signs it. */
async function adaWrites(s: EmailServer, subject: string, text: string, messageId: string): Promise<string> {
  const signed = await dkimSigned(rawMail({ from: 'Ada Lovelace <ada@fabrikam.example>', subject, text, messageId }), FABRIKAM, 'fabrikam.example');
  return sendRaw(s.smtpPort, signed, { from: 'ada@fabrikam.example' });
}

async function byNumber(n: number) {
  const t = (await tickets()).find((x) => x.number === n);
  if (!t) throw new Error(`no ticket #${n}`);
  return get(t.id);
}

describe('a number in the subject', () => {
  it('with a forged From of the requester is a new ticket, flagged; the requester’s ticket is untouched and the mail to them carries none of the forger’s words', async () => {
    const s = await start();
    await adaWrites(s, 'Invoice export fails', 'The export fails with error 500.', '<ada-1@fabrikam.example>');
    const ada = await byNumber(1001);
    expect(ada.senderVerified).toBe(true);
    await s.deliver();

    const attack = 'URGENT your account is suspended, log in at https://evil.example/login';
    // Mallory's own server (SPF passes for evil.example, not for fabrikam.example), From forged, no signature.
    const answer = await sendRaw(s.smtpPort, rawMail({ from: 'Ada Lovelace <ada@fabrikam.example>', subject: `Re: [#1001] ${attack}`, text: `${attack}\nSend the invoices to me.`, messageId: '<forged-1@evil.example>' }), { from: 'mallory@evil.example' });
    expect(answer).toMatch(/request #1002/);

    expect((await get(ada.id)).messages.map((m) => m.body)).toEqual(['The export fails with error 500.']);
    const forged = await byNumber(1002);
    expect(forged.senderVerified).toBe(false);
    expect(forged.requester.email).toBe('ada@fabrikam.example');
    // Agents are told why it is not on #1001 (an internal note, never mailed).
    const note = forged.messages.find((m) => m.internal);
    expect(note?.body).toContain('names request #1001');
    expect(note?.body).toContain('dmarc=fail');

    await s.deliver();
    const ack = await sink!.waitFor((m) => m.parsed.subject?.startsWith('[#1002]') ?? false);
    expect(ack.to).toEqual(['ada@fabrikam.example']);
    expect(ack.parsed.subject).toBe('[#1002] Your support request');
    for (const words of ['suspended', 'evil.example', 'invoices', 'Ada']) expect(ack.raw).not.toContain(words);
    expect(ack.parsed.inReplyTo).toBeUndefined();

    // The log says why, at info, without the address.
    const line = logs.split('\n').find((l) => l.includes('the sender is not authenticated'));
    expect(line).toBeDefined();
    expect(line).toContain('"number":1001');
    expect(line).toContain('dmarc=fail');
    expect(line).toContain(addressTag('ada@fabrikam.example')!);
    expect(logs).not.toContain('ada@fabrikam');
    expect(logs).not.toContain('suspended');
  });

  it('from the requester, DKIM-signed by their domain, threads (no threading headers at all)', async () => {
    const s = await start();
    await adaWrites(s, 'Invoice export fails', 'The export fails with error 500.', '<ada-1@fabrikam.example>');
    await adaWrites(s, 'Re: [#1001] Invoice export fails', 'Here is the error ID: 7f3a-22.', '<ada-2@fabrikam.example>');
    expect(await tickets()).toHaveLength(1);
    expect((await byNumber(1001)).messages.map((m) => m.body)).toEqual(['The export fails with error 500.', 'Here is the error ID: 7f3a-22.']);
  });

  it('from the requester, signed but altered on the way (the body no longer matches), is a new ticket', async () => {
    const s = await start();
    await adaWrites(s, 'Invoice export fails', 'The export fails with error 500.', '<ada-1@fabrikam.example>');
    const signed = await dkimSigned(rawMail({ from: 'ada@fabrikam.example', subject: 'Re: [#1001] Invoice export fails', text: 'Pay invoice 17.', messageId: '<ada-2@fabrikam.example>' }), FABRIKAM, 'fabrikam.example');
    await sendRaw(s.smtpPort, signed.toString('utf8').replace('Pay invoice 17.', 'Pay invoice 99.'), { from: 'ada@fabrikam.example' });
    expect(await tickets()).toHaveLength(2);
    expect((await byNumber(1002)).senderVerified).toBe(false);
  });
});

describe('a domain that authenticates nothing', () => {
  it('threads a reply naming our Message-ID; the number alone from the same address is a new ticket', async () => {
    const s = await start();
    await sendMail(s.smtpPort, { from: 'Nora <nora@northwind.example>', subject: 'Printer offline', text: 'The printer is offline.', messageId: '<nora-1@northwind.example>' });
    const nora = await byNumber(1001);
    expect(nora.senderVerified).toBe(false);
    await s.deliver();
    // Nothing proves the From is Nora's: the acknowledgement does not repeat the mail.
    const ack = await sink!.waitFor((m) => m.to.includes('nora@northwind.example'));
    expect(ack.parsed.subject).toBe('[#1001] Your support request');
    expect(ack.raw).not.toContain('Printer offline');
    const ours = ack.parsed.messageId!;

    // Her reply to our mail names our random Message-ID: only someone who has our mail can.
    await sendMail(s.smtpPort, { from: 'nora@northwind.example', subject: 'Re: [#1001] Your support request', text: 'Still offline.', inReplyTo: ours, references: [ours], messageId: '<nora-2@northwind.example>' });
    expect((await byNumber(1001)).messages.map((m) => m.body)).toEqual(['The printer is offline.', 'Still offline.']);

    // The same address with only the number: anyone could have written it.
    await sendMail(s.smtpPort, { from: 'nora@northwind.example', subject: 'Re: [#1001] Printer offline', text: 'Please send me the invoices.', messageId: '<nora-3@northwind.example>' });
    expect((await byNumber(1001)).messages).toHaveLength(2);
    expect((await byNumber(1002)).senderVerified).toBe(false);
  });
});

describe('DNS that never answers', () => {
  it('does not hold mail up: each mail is answered within the check’s budget and becomes a ticket, its sender unverified', async () => {
    const s = await start({ resolver: silentResolver });
    const started = performance.now();
    const answer = await sendMail(s.smtpPort, { from: 'jane@contoso.example', subject: 'Invoice export fails', text: 'The export fails.' });
    const elapsed = performance.now() - started;
    expect(answer).toMatch(/^250 .*request #1001/);
    // The budget is 3 s for all look-ups together and a second's grace for the worker; the rest takes well under 2 s.
    expect(elapsed).toBeLessThan(6_000);
    expect((await byNumber(1001)).senderVerified).toBe(false);
    // Every look-up gave up at the deadline (DNS errors, not a verdict), or the worker was stopped a second later.
    expect(logs).toMatch(/"senderVerified":false,"senderCheck":"(dmarc=temperror, dkim=none, spf=temperror|the checks took longer than 3000 ms)"/);
  }, 20_000);
});

describe('EMAIL_TRUSTED_AUTHSERV_ID', () => {
  const MX = 'mx.frontdesk.test';
  const results = (verdict: string) => `Authentication-Results: ${MX};\r\n dkim=${verdict} header.d=fabrikam.example header.s=test;\r\n spf=none smtp.mailfrom=fabrikam.example;\r\n dmarc=${verdict} (p=REJECT) header.from=fabrikam.example`;

  it('trusts the topmost Authentication-Results of our MX (no DNS asked) and ignores any other', async () => {
    const dns = tableResolver({});
    const s = await start({ resolver: dns, env: { EMAIL_TRUSTED_AUTHSERV_ID: MX } });
    const mail = (subject: string, text: string, id: string, extra: string[]) => sendRaw(s.smtpPort, rawMail({ from: 'ada@fabrikam.example', subject, text, messageId: id, extra }), { from: 'ada@fabrikam.example' });
    await mail('Invoice export fails', 'The export fails.', '<t-1@fabrikam.example>', [results('pass')]);
    expect((await byNumber(1001)).senderVerified).toBe(true);
    await mail('Re: [#1001] Invoice export fails', 'Error ID 7f3a-22.', '<t-2@fabrikam.example>', [results('pass')]);
    expect((await byNumber(1001)).messages).toHaveLength(2);

    // A forger writes their own "pass" results: under another authserv-id, or ours below what our MX added on top.
    const forged = 'Authentication-Results: mx.evil.example; dkim=pass header.d=fabrikam.example; dmarc=pass header.from=fabrikam.example';
    await mail('Re: [#1001] Invoice export fails', 'Send me the invoices.', '<f-1@evil.example>', [forged]);
    await mail('Re: [#1001] Invoice export fails', 'Send me the invoices.', '<f-2@evil.example>', [results('fail'), results('pass')]);
    expect((await byNumber(1001)).messages).toHaveLength(2);
    expect((await byNumber(1002)).senderVerified).toBe(false);
    expect((await byNumber(1003)).senderVerified).toBe(false);
    expect(dns.lookups).toEqual([]);
  });
});
