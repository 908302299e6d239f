/**
 * Email from a hostile sender, over real SMTP: mails crafted to make the text handling backtrack for seconds
 * (found in a security review) are read without holding the event loop, `/healthz` keeps answering and the
 * next SMTP client is greeted; a number in the subject does not let a stranger into someone's ticket through
 * Reply-To; no address, subject or text of a mail is logged at info.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from './harness';
import { EMAIL_TEST_START, SUPPORT, agentView, openEmailTestbed, sendMail, sendRaw, smtpDialogue, swaks, tempDir, type EmailServer, type Sink } from './email-helpers';

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

/** A mail whose text part is `text`, base64-encoded (relays do not re-wrap base64, so an MX in front does not help). */
function craftedMail(opts: { text: string; messageId?: string; subject?: string; html?: boolean; from?: string; headers?: string[]; raw?: boolean }): string {
  const body = opts.raw ? opts.text : Buffer.from(opts.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    ...(opts.headers ?? []),
    `From: ${opts.from ?? 'Eve <eve@attacker.example>'}`,
    `To: ${SUPPORT}`,
    `Subject: ${opts.subject ?? 'Crafted'}`,
    `Message-ID: ${opts.messageId ?? `<crafted-${Math.random().toString(36).slice(2)}@attacker.example>`}`,
    'MIME-Version: 1.0',
    `Content-Type: ${opts.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
    `Content-Transfer-Encoding: ${opts.raw ? '8bit' : 'base64'}`,
    '',
    body,
    '',
  ].join('\r\n');
}

/** The crafted mails of the review, and a few cousins: each took seconds on the event loop before. */
const CRAFTED: [string, () => string][] = [
  ['80,000 spaces before a line end', () => craftedMail({ text: `Hello${' '.repeat(80_000)}x\nbye${' '.repeat(80_000)}\n` })],
  ['a 12 KB line of " on at"', () => craftedMail({ text: `Hi\n${' on at'.repeat(2_000)}\n> quoted\n` })],
  ['" on at" lines before a quote, many times', () => craftedMail({ text: `${`${' on at'.repeat(300)} wrote\n`.repeat(60)}> x\n` })],
  ['80,000 ">" in a Message-ID', () => craftedMail({ text: 'Hello', messageId: `${'>'.repeat(80_000)}x` })],
  ['80,000 "<" in a Message-ID', () => craftedMail({ text: 'Hello', messageId: `${'<'.repeat(80_000)}x` })],
  ['HTML of 200,000 non-breaking spaces before a tag', () => craftedMail({ html: true, text: `<p>${'&nbsp;'.repeat(200_000)}x</p>` })],
  ['Outlook header lines without end', () => craftedMail({ text: `From: ${'a'.repeat(50_000)}\n`.repeat(4) })],
  // What the sender checks (mailauth) parse and hash: seconds of work each, kept off the event loop.
  ['a From of 40,000 addresses', () => craftedMail({ text: 'Hello', from: `eve@attacker.example,${'<a@b>,'.repeat(40_000)}` })],
  ['a DKIM signature over 4 MB of whitespace runs', () => craftedMail({ raw: true, text: `${'word  \t '.repeat(100)}\r\n`.repeat(5_000), headers: ['DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=attacker.example; s=s; h=from; bh=x; b=y'] })],
];

describe('crafted mail', () => {
  it('never holds the event loop for 100 ms; /healthz answers within 1 s and the next SMTP client is greeted meanwhile', async () => {
    // One ordinary mail first, so the crafted ones meet a server that has settled.
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Warm-up', text: 'Hello' });
    // The same sizes in plain words: what this machine's load alone does to the event loop, side by side.
    const benign = CRAFTED.map(([name]) => [name, () => craftedMail({ text: 'Plain words of a long mail. '.repeat(6_000) })] as [string, () => string]);
    const reference = await underLoad(benign);
    const crafted = await underLoad(CRAFTED);
    console.log(`event loop delay, max / p99: crafted mail ${crafted.maxMs.toFixed(1)} / ${crafted.p99Ms.toFixed(1)} ms; plain mail of the same sizes ${reference.maxMs.toFixed(1)} / ${reference.p99Ms.toFixed(1)} ms; /healthz slowest ${crafted.slowestHealthMs.toFixed(1)} ms over ${crafted.probes} probes`);
    // On a machine so loaded that plain mail already stalls the loop past 100 ms, the crafted mail may do no worse than twice that (a backtracking regex held it for seconds).
    expect(crafted.maxMs).toBeLessThan(Math.max(100, reference.maxMs * 2));
    expect(crafted.slowestHealthMs).toBeLessThan(1_000);
    expect(crafted.probes).toBeGreaterThan(CRAFTED.length);

    // The words still arrive, cut to the stored limit.
    const list = await tickets();
    expect(list.length).toBe(2 * CRAFTED.length + 1);
    for (const t of list) expect((await get(t.id)).description.length).toBeLessThanOrEqual(20_000);
    // Nothing is left in the spool once the mails are handled.
    expect(readdirSync(join(server.attachmentsDir, 'incoming'))).toEqual([]);
    // Fourteen mails through swaks, each handled in full: minutes on a loaded machine, not seconds.
  }, 180_000);
});

/**
 * Sends the mails one by one with swaks (another process, so only the server's work is on this loop) while
 * probing /healthz, checking after each that a new SMTP client is greeted; returns the loop's worst delay.
 */
async function underLoad(mails: readonly [string, () => string][]) {
  const dir = tempDir('frontdesk-crafted-');
  const files = mails.map(([name, mail], i) => {
    const path = join(dir.path, `${i}.eml`);
    writeFileSync(path, mail());
    return { name, path };
  });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const health: number[] = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await api(server, 'GET', '/healthz');
      expect(res.status).toBe(200);
      health.push(performance.now() - started);
      await new Promise<void>((resolve) => setTimeout(resolve, 20));
    }
  })();
  delay.enable();
  try {
    for (const { name, path } of files) {
      const run = await swaks(['--server', `127.0.0.1:${server.smtpPort}`, '--from', 'eve@attacker.example', '--to', SUPPORT, '--helo', 'mx.attacker.example', '--suppress-data', '--data', `@${path}`]);
      expect(run.code, `${name}: ${run.stdout}${run.stderr}`).toBe(0);
      const [greeting] = await smtpDialogue(server.smtpPort, ['QUIT']);
      expect(greeting, name).toMatch(/^220 /);
    }
    await server.app.email.settled();
  } finally {
    delay.disable();
    probing = false;
    await probe;
    dir.remove();
  }
  return { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, slowestHealthMs: Math.max(...health), probes: health.length };
}

describe('a ticket number in the subject', () => {
  it('from a stranger with Reply-To set to the requester does not join the ticket, and mail to the requester carries none of the stranger’s words', async () => {
    await sendMail(server.smtpPort, { from: 'Jane Doe <jane@contoso.example>', subject: 'Invoice export fails', text: 'The export fails with error 500.' });
    const [jane] = await tickets();
    expect(jane!.number).toBe(1001);

    const attack = 'URGENT: your account is suspended, log in at https://evil.example/login';
    await sendMail(server.smtpPort, { from: 'Mallory <mallory@evil.example>', replyTo: 'Jane Doe <jane@contoso.example>', subject: `Re: [#1001] ${attack}`, text: `${attack}\nPlease see the attached invoice.` });

    const janes = await get(jane!.id);
    expect(janes.messages).toHaveLength(1);
    expect(JSON.stringify(janes)).not.toContain('evil.example');
    expect(await tickets()).toHaveLength(2);

    await server.deliver();
    const toJane = sink.mails.filter((m) => m.to.includes('jane@contoso.example'));
    expect(toJane).toHaveLength(2);
    const second = toJane.find((m) => m.parsed.subject !== '[#1001] Re: Invoice export fails')!;
    expect(second.parsed.subject).toBe('[#1002] Your support request');
    expect(second.raw).not.toContain('evil.example');
    expect(second.raw).not.toContain('Mallory');
    expect(second.raw).not.toContain('suspended');
  });

  it('from the requester’s own From address still threads', async () => {
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Invoice export fails', text: 'The export fails.' });
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', replyTo: 'jane.private@home.example', subject: 'Re: [#1001] Invoice export fails', text: 'Still failing.' });
    const [t] = await tickets();
    expect((await get(t!.id)).messages.map((m) => m.body)).toEqual(['The export fails.', 'Still failing.']);
  });
});

describe('logs at info', () => {
  it('carry no address, subject or text of a mail', async () => {
    const lines: unknown[][] = [];
    const log = server.app.log;
    for (const level of ['info', 'warn', 'error', 'fatal'] as const) {
      vi.spyOn(log, level).mockImplementation((...args: unknown[]) => {
        lines.push(args);
      });
    }
    await sendMail(server.smtpPort, { from: 'Jane Doe <jane.secret@contoso.example>', replyTo: 'jane.other@contoso.example', subject: 'Secret subject words', text: 'Secret body words.' });
    await sendMail(server.smtpPort, { from: 'jane.secret@contoso.example', subject: 'Re: [#1001] Secret subject words', text: 'More secret words.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await sendRaw(server.smtpPort, 'garbage without headers\r\n', { from: 'jane.garbage@contoso.example' });
    await server.deliver();
    vi.restoreAllMocks();

    expect(lines.length).toBeGreaterThan(2);
    const text = JSON.stringify(lines, (_k, v: unknown) => (v instanceof Error ? v.message : v));
    for (const secret of ['jane.secret', 'jane.other', 'jane.garbage', 'contoso', 'Secret', 'secret words', 'Jane Doe']) expect(text).not.toContain(secret);
  });
});
