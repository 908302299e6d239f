import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from './attachment-store';

const dirs: string[] = [];
const tempRoot = () => {
  const d = mkdtempSync(join(tmpdir(), 'frontdesk-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('AttachmentStore', () => {
  it('keeps bytes under ids it chose and reads them back', async () => {
    const store = new AttachmentStore(tempRoot());
    await store.prepare();
    const key = await store.save('ticket-1', 'att-1', Buffer.from('hello'));
    expect(key).toBe('ticket-1/att-1');
    const file = await store.open(key);
    expect(file?.size).toBe(5);
    const chunks: Buffer[] = [];
    for await (const c of file!.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
  });

  it('never reads or writes outside its folder', async () => {
    const root = tempRoot();
    writeFileSync(join(root, '..', 'frontdesk-store-secret.txt'), 'secret');
    const store = new AttachmentStore(join(root, 'files'));
    await store.prepare();
    expect(await store.open('../frontdesk-store-secret.txt')).toBeNull();
    expect(await store.open('/etc/passwd')).toBeNull();
    expect(await store.save('../../x', '../y', Buffer.from('z'))).toBe('______x/___y');
    rmSync(join(root, '..', 'frontdesk-store-secret.txt'), { force: true });
  });

  it('keeps quarantined mail under quarantine/', async () => {
    const store = new AttachmentStore(tempRoot());
    await store.prepare();
    expect(await store.saveQuarantined(Buffer.from('garbage'))).toMatch(/^quarantine\/[0-9a-f-]{36}\.eml$/);
  });

  it('fails with one line naming ATTACHMENTS_DIR when the folder cannot be created', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'a-file'), 'x');
    await expect(new AttachmentStore(join(root, 'a-file', 'attachments')).prepare()).rejects.toThrow(/^Invalid configuration: ATTACHMENTS_DIR: cannot create /);
  });
});
