import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageAttachment, PublicSiteSettings, VisitorTicket } from '../../../shared/protocol';
import { AI_STATE, message } from '../test-support/fake-socket';
import { mountMessenger, unmountMessengers } from '../test-support/mount-messenger';
import { filesEn } from '../../i18n/files';
import { Texts } from '../../i18n/i18n';
import { type UploadFn, UploadsModel } from './uploads-model';

const LIMITS = { maxBytes: 2048, types: ['image/png', 'text/plain'] };
const SITE: PublicSiteSettings = { key: 'demo', name: 'Acme Help', agentName: 'Kai', color: '#0f766e', greeting: 'Hi!', position: 'right', language: 'en', attachments: LIMITS };
const ticket: VisitorTicket = { id: 't1', number: 1042, status: 'open', priority: 'high', promise: 'Soon.', firstResponseDueAt: null };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

afterEach(unmountMessengers);

/** A messenger whose fetch answers the session and file downloads (a ticket comes with the test's state). */
async function setup() {
  const requests: { path: string; authorization: string | null }[] = [];
  const fetch = (async (path: string, init: RequestInit = {}) => {
    requests.push({ path, authorization: new Headers(init.headers).get('authorization') });
    if (path.startsWith('/api/widget/attachments/')) return new Response(PNG, { status: 200, headers: { 'content-type': 'image/png' } });
    return new Response(JSON.stringify({ token: 'tok', visitorId: 'v1', site: SITE, availability: { openNow: true, text: 'Online.' } }));
  }) as unknown as typeof globalThis.fetch;
  const { socket, server } = await mountMessenger(fetch);
  return { socket, server, requests };
}

function file(name: string, type: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type });
}

describe('attaching in the messenger', () => {
  it('offers "Attach a file" only once a person has the conversation, and refuses a pasted file over the limit before uploading', async () => {
    const { socket, server, requests } = await setup();
    act(() => void socket.connect());
    await waitFor(() => expect(socket.sentOf('conversation:sync')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();

    server.state = { ...AI_STATE, mode: 'waiting', ticket };
    act(() => socket.fire('conversation:updated', server.state));
    await screen.findByRole('button', { name: 'Attach a file' });

    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(box, { clipboardData: { files: [file('screenshot.png', 'image/png', 4096)] } });
    await screen.findByText('Files up to 2 kB: PNG, TXT');
    expect((await screen.findByRole('alert')).textContent).toContain('screenshot.png is larger than 2 kB, the limit. It was not sent.');

    // A drop (happy-dom has no DragEvent: an event carrying what the browser's would).
    const drop = Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer: { files: [file('setup.exe', 'application/x-msdownload', 10)] } });
    act(() => void box.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByRole('alert')[1]!.textContent).toContain('setup.exe is a kind of file that can’t be sent here.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));

    // Nothing was uploaded or sent, and a paste of text stays text.
    expect(requests.filter((r) => r.path.includes('attachments'))).toEqual([]);
    expect(socket.sentOf('message:send')).toEqual([]);
    const text = fireEvent.paste(box, { clipboardData: { files: [] } });
    expect(text).toBe(true); // not prevented: the textarea takes the text
  });

  it('shows an agent’s files: a checked image as a thumbnail fetched with the visitor token, every file as a download', async () => {
    const { socket, server, requests } = await setup();
    const files: MessageAttachment[] = [
      { id: 'f-img', filename: 'chart.png', contentType: 'image/png', size: 2048, image: true },
      { id: 'f-txt', filename: 'steps <b>1</b>.txt', contentType: 'text/plain', size: 300, image: false },
      { id: 'f-fake', filename: 'not-really.png', contentType: 'application/octet-stream', size: 10, image: false },
    ];
    server.messages.push(message({ seq: 1, author: { kind: 'agent', name: 'Sam' }, body: 'Here you go', attachments: files }));
    server.state = { ...AI_STATE, mode: 'human', ticket, lastSeq: 1 };
    act(() => void socket.connect());
    const log = screen.getByRole('log');
    const thumb = (await within(log).findByRole('img', { name: 'chart.png' })) as HTMLImageElement;
    expect(thumb.src).toMatch(/^blob:/);
    expect(requests.find((r) => r.path === '/api/widget/attachments/f-img')).toEqual({ path: '/api/widget/attachments/f-img', authorization: 'Visitor tok' });
    // Only the file whose bytes the server checked to be an image is fetched for a thumbnail.
    expect(requests.filter((r) => r.path.startsWith('/api/widget/attachments/'))).toHaveLength(1);
    expect(within(log).getAllByRole('img')).toHaveLength(1);
    expect(within(log).getByRole('button', { name: 'Download steps <b>1</b>.txt' }).textContent).toBe('steps <b>1</b>.txt');
    expect(log.querySelector('b')).toBeNull();
    expect(within(log).getByRole('button', { name: 'Download not-really.png' })).toBeTruthy();
  });
});

describe('UploadsModel', () => {
  const texts = new Texts<typeof filesEn>('en', filesEn, filesEn);
  function model(upload: UploadFn, token: string | null = 'tok') {
    const sent: string[][] = [];
    const m = new UploadsModel({ limits: () => LIMITS, token: () => token, language: () => 'en', send: (f) => sent.push(f.map((a) => a.id)), upload });
    return { m, sent };
  }

  it('uploads a file that passes, with its progress, then sends it as a message', async () => {
    let progress: ((fraction: number) => void) | null = null;
    let finish: ((a: MessageAttachment) => void) | null = null;
    const calls: { name: string; token: string }[] = [];
    const { m, sent } = model((f, token, onProgress) => {
      calls.push({ name: f.name, token });
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const done = m.add([file('notes.txt', 'text/plain', 100)]);
    await waitFor(() => expect(progress).not.toBeNull());
    expect(calls).toEqual([{ name: 'notes.txt', token: 'tok' }]);
    progress!(0.5);
    expect(m.items.value).toEqual([{ key: 0, name: 'notes.txt', progress: 0.5, error: null }]);
    finish!({ id: 'a1', filename: 'notes.txt', contentType: 'text/plain', size: 100, image: false });
    await done;
    expect(m.items.value).toEqual([]);
    expect(sent).toEqual([['a1']]);
  });

  it('shows the server’s refusal, and says so when there is no connection', async () => {
    const { m, sent } = model(async () => {
      throw new Error('This file is application/zip, which is not accepted here');
    });
    await m.add([file('sneaky.png', 'image/png', 10)]);
    expect(texts.say(m.items.value[0]!.error!)).toBe('sneaky.png was not sent: This file is application/zip, which is not accepted here');
    const offline = model(async () => {
      throw new Error('');
    });
    await offline.m.add([file('a.png', 'image/png', 10)]);
    expect(texts.say(offline.m.items.value[0]!.error!)).toBe('a.png was not sent: no connection.');
    expect([...sent, ...offline.sent]).toEqual([]);
  });
});
