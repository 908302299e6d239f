/**
 * Files in chat over real HTTP, sockets, disk and SMTP: a visitor's screenshot reaches the agent as an image only
 * after its bytes were checked; an agent's file reaches the visitor (and the customer's mailbox, as a MIME
 * attachment); limits and ownership are enforced; withdrawal erases the files from disk.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, MessageAttachment, TicketDetail } from '../../shared/protocol';
import { api, clientId, connectVisitor, nextEvent, signIn, widgetSession, type VisitorSocket } from './harness';
import { startEmailServer, startSink, type EmailServer, type Sink } from './email-helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HTML_AS_PNG = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

let server: EmailServer;
let sink: Sink;
let cookie: string;
const sockets: VisitorSocket[] = [];

beforeEach(async () => {
  sink = await startSink();
  server = await startEmailServer({ smtpUrl: sink.url });
  cookie = await signIn(server);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.close();
  await sink.close();
});

/** A visitor handed off to the team: their token, socket and ticket. */
async function handedOffVisitor(): Promise<{ token: string; socket: VisitorSocket; ticketId: string }> {
  const session = await widgetSession(server);
  const socket = await connectVisitor(server, session.token);
  sockets.push(socket);
  const sent = await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'My export button does nothing' });
  if (!sent.ok) throw new Error(sent.error.message);
  const state = await socket.timeout(5000).emitWithAck('conversation:escalate', {});
  if (!state.ok || !state.data.ticket) throw new Error('no ticket after the handoff');
  return { token: session.token, socket, ticketId: state.data.ticket.id };
}

async function upload(path: string, bytes: Buffer, type: string, auth: { token?: string; cookie?: string }, filename = 'file.bin') {
  const headers: Record<string, string> = { 'content-type': type };
  if (auth.token) headers['authorization'] = `Visitor ${auth.token}`;
  if (auth.cookie) headers['cookie'] = auth.cookie;
  const res = await fetch(`${server.url}${path}?filename=${encodeURIComponent(filename)}`, { method: 'POST', headers, body: new Uint8Array(bytes) });
  return { status: res.status, body: (await res.json()) as MessageAttachment & { error?: { code: string; message: string } } };
}

const visitorGet = (id: string, token: string) => fetch(`${server.url}/api/widget/attachments/${id}`, { headers: { authorization: `Visitor ${token}` } });
const agentGet = (ticketId: string, id: string) => fetch(`${server.url}/api/tickets/${ticketId}/attachments/${id}`, { headers: { cookie } });
const detail = async (ticketId: string) => (await api<TicketDetail>(server, 'GET', `/api/tickets/${ticketId}`, { cookie })).body;

async function setLimits(limits: { maxBytes?: number; types?: string[] }): Promise<void> {
  const site = await server.app.db.selectFrom('sites').select('settings').where('key', '=', 'demo').executeTakeFirstOrThrow();
  const settings = JSON.parse(site.settings ?? '{}') as Record<string, unknown>;
  settings['attachments'] = { ...(settings['attachments'] as object), ...limits };
  await server.app.db.updateTable('sites').set({ settings: JSON.stringify(settings) }).where('key', '=', 'demo').execute();
}

describe('a visitor’s screenshot', () => {
  it('reaches the agent as an image, checked by its bytes, on a message of the visitor', async () => {
    const { token, socket, ticketId } = await handedOffVisitor();
    const uploaded = await upload('/api/widget/attachments', PNG, 'image/png', { token }, 'screenshot.png');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ filename: 'screenshot.png', contentType: 'image/png', size: PNG.length, image: true });
    const sent = await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: '', attachmentIds: [uploaded.body.id] });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(sent.data.attachments).toEqual([uploaded.body]);

    const message = (await detail(ticketId)).messages.find((m) => m.id === sent.data.id);
    expect(message?.attachments).toEqual([uploaded.body]);
    const res = await agentGet(ticketId, uploaded.body.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="screenshot.png"/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    // The visitor sees their own file too.
    expect((await visitorGet(uploaded.body.id, token)).status).toBe(200);
  });

  it('HTML posing as a PNG is kept as a plain download and never served inline', async () => {
    const { token, socket, ticketId } = await handedOffVisitor();
    const uploaded = await upload('/api/widget/attachments', HTML_AS_PNG, 'image/png', { token }, 'cat.png');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ contentType: 'application/octet-stream', image: false });
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'see this', attachmentIds: [uploaded.body.id] });
    for (const res of [await agentGet(ticketId, uploaded.body.id), await visitorGet(uploaded.body.id, token)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
  });
});

describe('limits', () => {
  it('are told to the messenger with its session, before any upload', async () => {
    await setLimits({ maxBytes: 2048 });
    const session = await widgetSession(server);
    expect(session.site.attachments).toEqual({ maxBytes: 2048, types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] });
  });

  it('refuses a type the site does not accept, and a file whose bytes are of such a type', async () => {
    const { token } = await handedOffVisitor();
    const html = await upload('/api/widget/attachments', HTML_AS_PNG, 'text/html', { token });
    expect(html.status).toBe(400);
    expect(html.body.error?.message).toMatch(/text\/html are not accepted/);
    await setLimits({ types: ['text/plain'] });
    const disguised = await upload('/api/widget/attachments', PNG, 'text/plain', { token });
    expect(disguised.status).toBe(400);
    expect(disguised.body.error?.message).toMatch(/image\/png/);
  });

  it('refuses a file over the site’s size limit, announced or streamed, keeping nothing of it', async () => {
    const { token } = await handedOffVisitor();
    await setLimits({ maxBytes: 2048 });
    const declared = await upload('/api/widget/attachments', Buffer.alloc(4096, 'a'), 'text/plain', { token });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'payload_too_large', message: 'Files may be at most 2 KB' });

    // No Content-Length: the bytes are counted as they come, and the upload stops at the limit.
    let sent = 0;
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(new Uint8Array(1024).fill(98));
        else controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/widget/attachments?filename=big.txt`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Visitor ${token}` },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(readdirSync(join(server.attachmentsDir, 'incoming'))).toEqual([]);
    expect(await server.app.db.selectFrom('attachments').selectAll().execute()).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const empty = await upload('/api/widget/attachments', Buffer.alloc(0), 'text/plain', { token });
    expect(empty.status).toBe(400);
  });
});

describe('who may attach and fetch', () => {
  it('a visitor fetches only files of their own conversation; others and strangers are refused', async () => {
    const a = await handedOffVisitor();
    const b = await handedOffVisitor();
    const file = await upload('/api/widget/attachments', PNG, 'image/png', { token: a.token });
    // Not sent yet: not even its uploader can fetch a pending upload, and nobody else can send it.
    expect((await visitorGet(file.body.id, a.token)).status).toBe(404);
    const stolen = await b.socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'mine now', attachmentIds: [file.body.id] });
    expect(stolen.ok).toBe(false);
    await a.socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'screenshot', attachmentIds: [file.body.id] });
    expect((await visitorGet(file.body.id, a.token)).status).toBe(200);
    expect((await visitorGet(file.body.id, b.token)).status).toBe(404);
    expect((await fetch(`${server.url}/api/widget/attachments/${file.body.id}`)).status).toBe(401);
    expect((await upload('/api/widget/attachments', PNG, 'image/png', {})).status).toBe(401);
    expect((await upload(`/api/tickets/${a.ticketId}/attachments`, PNG, 'image/png', { token: a.token })).status).toBe(401);
  });

  it('a visitor cannot attach before a person has the conversation', async () => {
    const session = await widgetSession(server);
    const res = await upload('/api/widget/attachments', PNG, 'image/png', { token: session.token });
    expect(res.status).toBe(409);
  });
});

describe('an agent’s file', () => {
  it('reaches the visitor live, and the files of an internal note never do', async () => {
    const { token, socket, ticketId } = await handedOffVisitor();
    const file = await upload(`/api/tickets/${ticketId}/attachments`, PDF, 'application/pdf', { cookie }, 'invoice.pdf');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ contentType: 'application/pdf', image: false });
    const arrived = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'agent');
    const reply = await api<Message>(server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie, body: { body: 'Here is your invoice', attachmentIds: [file.body.id] } });
    expect(reply.status).toBe(201);
    expect((await arrived).attachments).toEqual([file.body]);
    const res = await visitorGet(file.body.id, token);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice.pdf"/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);

    const secret = await upload(`/api/tickets/${ticketId}/attachments`, PDF, 'application/pdf', { cookie }, 'internal.pdf');
    await api(server, 'POST', `/api/tickets/${ticketId}/messages`, { cookie, body: { body: 'note', internal: true, attachmentIds: [secret.body.id] } });
    expect((await visitorGet(secret.body.id, token)).status).toBe(404);
  });

  it('is mailed as a MIME attachment with an email reply', async () => {
    const ticket = (await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'Invoice', description: 'Send me the invoice', channel: 'email', requester: { email: 'kim@example.org' } } })).body;
    const file = await upload(`/api/tickets/${ticket.id}/attachments`, PDF, 'application/pdf', { cookie }, 'invoice.pdf');
    await api(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Attached.', attachmentIds: [file.body.id] } });
    await server.deliver();
    const mail = await sink.waitFor((m) => m.parsed.text?.includes('Attached.') ?? false);
    expect(mail.parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }))).toEqual([
      { filename: 'invoice.pdf', contentType: 'application/pdf', content: PDF },
    ]);
  });
});

describe('withdrawal', () => {
  it('erases the files from disk with their rows and the messages’ lists', async () => {
    const { token, socket, ticketId } = await handedOffVisitor();
    const file = await upload('/api/widget/attachments', PNG, 'image/png', { token });
    await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body: 'screenshot', attachmentIds: [file.body.id] });
    const row = await server.app.db.selectFrom('attachments').select('storage_key').where('id', '=', file.body.id).executeTakeFirstOrThrow();
    const onDisk = join(server.attachmentsDir, row.storage_key);
    expect(existsSync(onDisk)).toBe(true);

    const res = await fetch(`${server.url}/api/me/requests/${ticketId}`, { method: 'DELETE', headers: { authorization: `Visitor ${token}` } });
    expect(res.status).toBeLessThan(300);
    expect(existsSync(onDisk)).toBe(false);
    expect(await server.app.db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).execute()).toEqual([]);
    expect((await detail(ticketId)).messages.some((m) => m.attachments)).toBe(false);
  });
});
