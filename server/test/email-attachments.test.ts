/**
 * Attachments of email, over real SMTP: kept on disk under ATTACHMENTS_DIR with their metadata, listed on the
 * ticket, downloadable by agents only (as a download, with a safe name); past the limits the mail is still a
 * ticket, and the files not kept are named in an internal note and in the customer's acknowledgement.
 */
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../src/channels/email/receive-mail';
import { EMAIL_TEST_START, agentView, openEmailTestbed, sendMail, type EmailServer, type Sink } from './email-helpers';

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
const download = (ticketId: string, attachmentId: string, headers: Record<string, string> = { cookie }) => fetch(`${server.url}/api/tickets/${ticketId}/attachments/${attachmentId}`, { headers });

// A 1×1 PNG, as a screenshot stands in for.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('email attachments', () => {
  it('are stored, listed on the ticket with their message, and downloadable by an agent only', async () => {
    const log = Buffer.from('2026-01-13 09:58 ERROR export failed: HTTP 500\n', 'utf8');
    await sendMail(server.smtpPort, {
      from: 'Jane Doe <jane@contoso.example>',
      subject: 'Export fails, screenshot attached',
      text: 'See the screenshot and the log.',
      attachments: [
        { filename: 'screenshot.png', content: PNG, contentType: 'image/png' },
        { filename: '../../etc/Fehlerprotokoll März "final".txt', content: log, contentType: 'text/plain' },
      ],
    });
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.attachments).toHaveLength(2);
    const [png, txt] = t.attachments;
    expect(png).toMatchObject({ filename: 'screenshot.png', contentType: 'image/png', size: PNG.length, messageId: t.messages[0]!.id });
    // No path, no quotes: the name can neither escape the folder nor break the download header.
    expect(txt).toMatchObject({ filename: 'Fehlerprotokoll März _final_.txt', contentType: 'text/plain', size: log.length });
    // On disk under ATTACHMENTS_DIR, by ticket, never under the sender's name.
    expect(readdirSync(`${server.attachmentsDir}/${t.id}`)).toHaveLength(2);

    const res = await download(t.id, png!.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="screenshot.png"; filename*=UTF-8\'\'screenshot.png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);

    const res2 = await download(t.id, txt!.id);
    expect(res2.headers.get('content-disposition')).toBe('attachment; filename="Fehlerprotokoll M_rz _final_.txt"; filename*=UTF-8\'\'Fehlerprotokoll%20M%C3%A4rz%20_final_.txt');
    expect(Buffer.from(await res2.arrayBuffer()).equals(log)).toBe(true);

    expect((await download(t.id, png!.id, {})).status).toBe(401);
    // Another ticket's id with this attachment: not found.
    await sendMail(server.smtpPort, { from: 'bob@example.org', subject: 'Other', text: 'Other request' });
    const other = (await tickets()).find((x) => x.id !== t.id)!;
    expect((await download(other.id, png!.id)).status).toBe(404);
    expect((await download(t.id, 'no-such-id')).status).toBe(404);
  });

  it('of a reply are tied to the reply message', async () => {
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Export fails', text: 'It fails.', messageId: '<first@contoso.example>' });
    clock.now = new Date('2026-01-13T10:10:00Z');
    await sendMail(server.smtpPort, { from: 'jane@contoso.example', subject: 'Re: Export fails', text: 'Screenshot.', inReplyTo: '<first@contoso.example>', attachments: [{ filename: 'shot.png', content: PNG }] });
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.messages).toHaveLength(2);
    expect(t.attachments).toEqual([expect.objectContaining({ filename: 'shot.png', messageId: t.messages[1]!.id })]);
  });

  it('past the limits: the mail is still a ticket, the files not kept are named in a note and in the acknowledgement', async () => {
    const small = Array.from({ length: MAX_ATTACHMENTS + 2 }, (_, i) => ({ filename: `log-${i + 1}.txt`, content: Buffer.from(`log ${i + 1}\n`) }));
    const big = { filename: 'full-dump.zip', content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 512 * 1024, 7), contentType: 'application/zip' };
    const answer = await sendMail(server.smtpPort, { from: 'Jane Doe <jane@contoso.example>', subject: 'Logs', text: 'All the logs.', attachments: [big, ...small] });
    expect(answer).toMatch(/^250/);
    const [summary] = await tickets();
    const t = await get(summary!.id);
    expect(t.attachments.map((a) => a.filename)).toEqual(small.slice(0, MAX_ATTACHMENTS).map((f) => f.filename));
    const note = t.messages.find((m) => m.author.kind === 'system')!;
    expect(note.internal).toBe(true);
    expect(note.body).toContain('3 files from this email were not kept');
    expect(note.body).toContain('full-dump.zip: 10.5 MB, over the 10.0 MB limit per file');
    expect(note.body).toContain('log-11.txt: over the limit of 10 files per email');
    expect(note.body).toContain('log-12.txt');

    await server.deliver();
    const ack = await sink.waitFor(() => true);
    expect(ack.parsed.text).toContain('We could not keep 3 files from your email:');
    expect(ack.parsed.text).toContain('- full-dump.zip: 10.5 MB, over the 10.0 MB limit per file');
    expect(ack.parsed.text).toContain('- log-12.txt: over the limit of 10 files per email');
  });
});
