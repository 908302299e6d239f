/**
 * Resource limits of inbound mail, against the real SMTP server and a real database: connections per client
 * address, mails per sender an hour, mail spooled to disk (never buffered), a reading time budget that
 * quarantines a mail with its reason, and the quarantine's quota (oldest dropped, logged).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../src/attachments/attachment-store';
import { migrateToLatest, openDatabase, type Db } from '../src/db/database';
import { startInboundServer, type InboundServer } from '../src/channels/email/inbound-server';
import { MailReader } from '../src/channels/email/mail-reader';
import { quarantine, type QuarantineContext } from '../src/channels/email/quarantine';
import { SUPPORT, sendMail, smtpDialogue } from './email-helpers';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function tempStore(): AttachmentStore {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-limits-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return new AttachmentStore(dir);
}

const silent = pino({ level: 'silent' });

/** The inbound server alone, with small limits; `received` gets each spooled mail's path and size. */
async function smtpWithLimits(limits: Parameters<typeof startInboundServer>[0]['limits']) {
  const store = tempStore();
  await store.prepare();
  const received: { path: string; size: number }[] = [];
  const server: InboundServer = await startInboundServer({
    host: '127.0.0.1',
    port: 0,
    supportEmail: SUPPORT,
    maxBytes: 1024 * 1024,
    limits,
    spoolPath: () => store.spoolPath(),
    log: silent,
    onMessage: async (spooled) => {
      received.push({ path: spooled, size: statSync(spooled).size });
      return 'OK';
    },
  });
  cleanup.push(() => server.close());
  return { server, received, store };
}

describe('the inbound SMTP server', () => {
  it('refuses a client address more connections than its limit with 421, and takes it again once one closes', async () => {
    const { server } = await smtpWithLimits({ maxClientsPerIp: 2 });
    const { connect } = await import('node:net');
    const open = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<import('node:net').Socket>((resolve) => {
            const s = connect(server.port, '127.0.0.1');
            s.once('data', () => resolve(s));
          }),
      ),
    );
    const [refused] = await smtpDialogue(server.port, []).catch((err: Error) => [err.message]);
    expect(refused).toMatch(/^421 .*Too many connections/);
    const closed = new Promise((resolve) => open[0]!.once('close', resolve));
    open[0]!.destroy();
    await closed;
    // smtp-server reports the close on its next tick; a fresh dialogue retries until greeted (bounded).
    let greeting = '';
    for (let i = 0; i < 50 && !greeting.startsWith('220'); i++) [greeting = ''] = await smtpDialogue(server.port, ['QUIT']);
    expect(greeting).toMatch(/^220 /);
    open[1]!.destroy();
  });

  it('answers 450 to a sender past its mails per hour; other senders still get through', async () => {
    const { server, received } = await smtpWithLimits({ mailsPerSenderPerHour: 2 });
    for (let i = 0; i < 2; i++) await sendMail(server.port, { from: 'flood@example.net', subject: `m${i}`, text: 'x' });
    await expect(sendMail(server.port, { from: 'FLOOD@example.net', subject: 'm3', text: 'x' })).rejects.toThrow(/450 4\.7\.1 Too many messages/);
    await sendMail(server.port, { from: 'jane@contoso.example', subject: 'hello', text: 'x' });
    expect(received).toHaveLength(3);
  });

  it('streams each mail to a spool file on disk, and refuses one over the size limit without keeping it', async () => {
    const { server, received, store } = await smtpWithLimits({});
    await sendMail(server.port, { from: 'jane@contoso.example', subject: 'file', text: 'x', attachments: [{ filename: 'a.bin', content: Buffer.alloc(300_000, 7) }] });
    expect(received).toHaveLength(1);
    expect(received[0]!.path.startsWith(store.incomingDir)).toBe(true);
    expect(received[0]!.size).toBeGreaterThan(400_000);
    await expect(sendMail(server.port, { from: 'jane@contoso.example', subject: 'big', text: 'x', attachments: [{ filename: 'b.bin', content: Buffer.alloc(2 * 1024 * 1024, 7) }] })).rejects.toThrow(/552/);
    expect(received).toHaveLength(1);
    // Only the accepted mail's spool file is there (the handler owns it); the refused one was removed.
    expect(readdirSync(store.incomingDir)).toEqual([received[0]!.path.split('/').pop()]);
  });
});

describe('the mail reader', () => {
  it('quarantines a mail that overruns its time budget with the reason, and reads the next one with a fresh worker', async () => {
    const store = tempStore();
    await store.prepare();
    const reader = new MailReader({ workers: 1, budgetMs: 5 });
    cleanup.push(() => reader.close());
    await reader.warm();
    const big = store.spoolPath();
    const part = Buffer.alloc(6 * 1024 * 1024, 65).toString('base64').replace(/.{76}/g, '$&\r\n');
    writeFileSync(big, `From: a@example.net\r\nSubject: big\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${part}\r\n`);
    expect(await reader.read({ path: big, stageDir: store.incomingDir, supportEmail: SUPPORT })).toEqual({ ok: false, reason: 'too slow: reading it took longer than 5 ms' });

    const relaxed = new MailReader({ workers: 1, budgetMs: 10_000 });
    cleanup.push(() => relaxed.close());
    const small = store.spoolPath();
    writeFileSync(small, 'From: Jane <jane@contoso.example>\r\nSubject: hi\r\n\r\nHello there.\r\n');
    const read = await relaxed.read({ path: small, stageDir: store.incomingDir, supportEmail: SUPPORT });
    expect(read.ok && read.mail.body).toBe('Hello there.');
    // The overrun worker was replaced: the first reader still reads (and overruns) instead of hanging.
    expect((await reader.read({ path: big, stageDir: store.incomingDir, supportEmail: SUPPORT })).ok).toBe(false);
  });
});

describe('the quarantine', () => {
  async function database(): Promise<Db> {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-quarantine-db-'));
    const db = openDatabase(`sqlite:${join(dir, 'q.db')}`);
    await migrateToLatest(db);
    cleanup.push(async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    });
    return db;
  }

  it('keeps to its quota in count and bytes: the oldest entries and their files are dropped, and the drop is logged', async () => {
    const store = tempStore();
    await store.prepare();
    const warnings: unknown[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    let t = Date.parse('2026-01-13T10:00:00Z');
    const ctx = { db: await database(), log, now: () => new Date((t += 1000)), store, quarantineQuota: { count: 3, bytes: 2_500 } } as unknown as QuarantineContext;
    for (let i = 0; i < 5; i++) {
      const spooled = store.spoolPath();
      writeFileSync(spooled, Buffer.alloc(1_000, 65 + i));
      await quarantine(ctx, { reason: `malformed: test ${i}`, sender: null, subject: null, spooled });
    }
    const rows = await ctx.db.selectFrom('quarantine').select(['reason', 'storage_key', 'size']).orderBy('created_at').execute();
    // 3 by count, but 3 × 1,000 bytes is over 2,500: two are kept, the newest.
    expect(rows.map((r) => r.reason)).toEqual(['malformed: test 3', 'malformed: test 4']);
    expect(readdirSync(join(store.root, 'quarantine'))).toHaveLength(2);
    for (const r of rows) expect(existsSync(join(store.root, r.storage_key!))).toBe(true);
    expect(warnings.some((w) => (w as { msg: string }).msg.startsWith('quarantine over its quota'))).toBe(true);
  });
});
