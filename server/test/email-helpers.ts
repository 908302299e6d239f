/**
 * Email test helpers: a real SMTP sink (smtp-server) that captures what Frontdesk sends, real SMTP clients
 * (nodemailer and swaks) that send to Frontdesk's inbound server, and the .eml fixtures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach } from 'vitest';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';
import type { AppOptions } from '../src/app';
import type { TicketDetail, TicketSummary } from '../../shared/protocol';
import { DEFAULT_TEST_DNS, tableResolver } from './email-dns';
import { api, connectVisitor, signIn, startServer, widgetSession, type TestServer, type VisitorSocket } from './harness';

export const SUPPORT = 'support@frontdesk.test';

/** A mail the sink received: the parsed message, its raw text and the SMTP envelope. */
export interface SunkMail {
  parsed: ParsedMail;
  raw: string;
  from: string;
  to: string[];
}

export interface Sink {
  port: number;
  url: string;
  mails: SunkMail[];
  /** Resolves with the first mail (received so far or later) that matches, or rejects after `ms`. */
  waitFor: (match: (m: SunkMail) => boolean, ms?: number) => Promise<SunkMail>;
  close: () => Promise<void>;
}

/** A port nothing listens on right now (for a transport that is down, then comes up). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The outbound transport's other end: an SMTP server that keeps every mail it is given. */
export async function startSink(port = 0): Promise<Sink> {
  const mails: SunkMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            mails.push({ parsed, raw: raw.toString('utf8'), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) });
            for (const w of waiters) w();
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    waitFor: (match, ms = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail in the sink within ${ms} ms (it has ${mails.length}: ${mails.map((m) => m.parsed.subject).join(' | ')})`));
        }, ms);
        if (!check()) waiters.add(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface EmailServer extends TestServer {
  smtpPort: number;
  attachmentsDir: string;
  /** Waits for received mail to be handled and replies to be queued, then sends what is due. */
  deliver: () => Promise<number>;
}

/**
 * The app with inbound SMTP on a free port, outbound SMTP to `smtpUrl`, a temporary attachments folder, and
 * DNS from a table (DEFAULT_TEST_DNS unless `dnsResolver` is given): there is no internet here.
 */
export async function startEmailServer(opts: AppOptions & { smtpUrl: string; env?: Record<string, string>; dbPath?: string }): Promise<EmailServer> {
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'frontdesk-attachments-'));
  const server = await startServer({
    sweepIntervalMs: 0,
    // Tests send queued mail themselves (outbox.flush) so they decide when the clock has moved.
    outboxIntervalMs: 3_600_000,
    dnsResolver: tableResolver(DEFAULT_TEST_DNS),
    ...opts,
    env: { SMTP_INBOUND_PORT: '0', SMTP_URL: opts.smtpUrl, SUPPORT_EMAIL: SUPPORT, ATTACHMENTS_DIR: attachmentsDir, ...opts.env },
  });
  const smtpPort = server.app.email.inboundPort;
  if (!smtpPort) throw new Error('the inbound SMTP server did not start');
  return {
    ...server,
    smtpPort,
    attachmentsDir,
    deliver: async () => {
      await server.app.email.settled();
      return (await server.app.frontdesk.outbox?.flush()) ?? 0;
    },
    close: async () => {
      await server.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** Where every email test's frozen clock starts. */
export const EMAIL_TEST_START = '2026-01-13T10:00:00Z';

export interface EmailTestbed {
  sink: Sink;
  server: EmailServer;
  cookie: string;
}

/** A sink for outgoing mail, the app mailing through it on `clock` (set back to the start), and a signed-in agent. */
export async function openEmailTestbed(clock: { now: Date }): Promise<EmailTestbed> {
  clock.now = new Date(EMAIL_TEST_START);
  const sink = await startSink();
  const server = await startEmailServer({ now: () => clock.now, smtpUrl: sink.url });
  return { sink, server, cookie: await signIn(server) };
}

/** The signed-in agent's view: the whole queue, and one ticket. `bed` is read at each call (tests reopen it). */
export function agentView(bed: () => { server: TestServer; cookie: string }) {
  return {
    tickets: async () => (await api<{ tickets: TicketSummary[] }>(bed().server, 'GET', '/api/tickets', { cookie: bed().cookie })).body.tickets,
    get: async (id: string) => (await api<TicketDetail>(bed().server, 'GET', `/api/tickets/${id}`, { cookie: bed().cookie })).body,
  };
}

/** Sends a mail to the inbound server with nodemailer; resolves with the server's 250 answer. */
export async function sendMail(port: number, mail: Mail.Options): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 5000, socketTimeout: 10000 });
  try {
    const info = await transport.sendMail({ to: SUPPORT, ...mail });
    return info.response;
  } finally {
    transport.close();
  }
}

/** Sends raw bytes as the message (nodemailer's `raw`), with an explicit envelope. */
export async function sendRaw(port: number, raw: Buffer | string, envelope: { from: string; to?: string }): Promise<string> {
  return sendMail(port, { raw, envelope: { from: envelope.from, to: envelope.to ?? SUPPORT } });
}

/** Runs swaks (CI installs it: `apt-get install swaks`); fails with a clear message when it is missing. */
export function swaks(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('swaks', args, { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('swaks is not installed: these email tests send raw mail with it (apt-get install swaks; .ci/run installs it)'));
        return;
      }
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const FIXTURES = fileURLToPath(new URL('./fixtures/email/', import.meta.url));

/** A fixture .eml with `{{NAME}}` placeholders filled in, lines ending in CRLF as on the wire. */
export function fixture(name: string, vars: Record<string, string> = {}): Buffer {
  let text = readFileSync(join(FIXTURES, name), 'latin1');
  for (const [k, v] of Object.entries(vars)) text = text.split(`{{${k}}}`).join(v);
  const left = /\{\{[A-Z_]+\}\}/.exec(text);
  if (left) throw new Error(`fixture ${name}: ${left[0]} was not given`);
  return Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** A temporary folder removed after the test. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A raw SMTP conversation: sends each command after the previous reply and returns every reply (the greeting
 * first). For what clients cannot be made to say, like a declared SIZE.
 */
export async function smtpDialogue(port: number, commands: string[]): Promise<string[]> {
  const { connect } = await import('node:net');
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  const replies: string[] = [];
  let buffer = '';
  let waiting: ((reply: string) => void) | null = null;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line "NNN text" (a space after the code, not a dash).
    const m = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (m && waiting) {
      const reply = buffer;
      buffer = '';
      const w = waiting;
      waiting = null;
      w(reply.trim());
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no SMTP reply (so far: ${replies.join(' | ')})`)), 5000);
      waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
    });
  try {
    replies.push(await next());
    for (const c of commands) {
      const reply = next();
      socket.write(`${c}\r\n`);
      replies.push(await reply);
    }
  } finally {
    socket.destroy();
  }
  return replies;
}

/** What a test opened: its testbed and its visitor's socket (either may be missing, when the test failed early). */
export interface TestbedSlot {
  bed: EmailTestbed | null;
  socket: VisitorSocket | null;
}

/** One testbed per test: what a test puts in the slot is closed after it (call once, at the top of a test file). */
export function emailTestbedEachTest(): TestbedSlot {
  const slot: TestbedSlot = { bed: null, socket: null };
  afterEach(async () => {
    const { bed, socket } = slot;
    slot.bed = null;
    slot.socket = null;
    socket?.disconnect();
    await bed?.server.close();
    await bed?.sink.close();
  });
  return slot;
}

/** What a page's form posts (url-encoded, from our own origin, as the browser sends it). */
export function postForm(server: Pick<TestServer, 'url'>, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, body: new URLSearchParams(fields).toString() });
}

/** A REST call as the messenger makes it (`Authorization: Visitor <token>`), with its status and JSON body. */
export async function visitorApi<T = unknown>(server: Pick<TestServer, 'url'>, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Visitor ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * A messenger visitor (the session's `language`, if given) who writes `body` to Kai, then asks for a person: the
 * ticket of the handoff. The visitor's socket goes in the slot (closed after the test).
 */
export async function handedOffVisitor(slot: TestbedSlot, body: string, session: Record<string, unknown> = {}): Promise<{ token: string; ticketId: string; socket: VisitorSocket }> {
  const { token } = await widgetSession(slot.bed!.server, session);
  const socket = await connectVisitor(slot.bed!.server, token);
  slot.socket = socket;
  await socket.timeout(5000).emitWithAck('message:send', { clientId: crypto.randomUUID(), body });
  const state = await socket.timeout(10_000).emitWithAck('conversation:escalate', {});
  if (!state.ok || !state.data.ticket) throw new Error('no ticket from the handoff');
  return { token, ticketId: state.data.ticket.id, socket };
}
