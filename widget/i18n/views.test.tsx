/**
 * Every lazily loaded view in every language, with no English word left: the remote-session card, help
 * articles, the cards after a handoff (email pending, transcript, CSAT), "Your requests" (list, a solved
 * request, the delete question), the attachments (the attach button, the tray's limits and refusals, a
 * message's downloads) and the portal (sign-in, the link sent, the list, the new-request form), each
 * drawn as the messenger or the portal draws it, with the language's catalogue parts loaded on the way.
 */
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../shared/language';
import type { ConversationState, MessageCard } from '../../shared/protocol';
import { ArticlesView } from '../messenger/articles/ArticlesView';
import { AttachButton } from '../messenger/attachments/AttachButton';
import { Files } from '../messenger/attachments/Files';
import { FilesContext } from '../messenger/components/FilesSlot';
import { RemoteSessionCard } from '../messenger/components/RemoteSessionCard';
import type { Messenger } from '../messenger/messenger';
import { ReachCards } from '../messenger/reach/ReachCards';
import { PortalApp } from '../portal/components/PortalApp';
import { portalTranslator } from '../portal/language';
import { PortalModel } from '../portal/PortalModel';
import { RequestsApi } from '../requests/api';
import { RequestsView } from '../requests/components/RequestsView';
import { RequestsModel } from '../requests/RequestsModel';
import { detail, fakeSelfService } from '../requests/test-support/fake-self-service';
import { cards } from './cards';
import { I18nContext } from './context';
import { fileSize, typeNames } from './file-size';
import { files } from './files';
import { createTranslator, type Translator } from './i18n';
import { partTexts } from './parts';
import { englishLeft, englishWords } from './test-support/english-left';

afterEach(cleanup);

const OTHERS = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');
/** The test's own data: names, a tool, subjects and bodies in no language. */
const DATA = ['Alex', 'Zoom', 'Lumo', 'Kai', 'Ada'];
const CARD: MessageCard = { type: 'remote_session', tool: 'zoom', toolName: 'Zoom', url: 'https://zoom.us/j/1', startsAt: '2026-01-14T15:00:00.000Z', note: null };

function within18n(i18n: Translator, children: ComponentChildren) {
  return render(<I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>);
}

/** The messenger's routes the cards call: reach (email known), transcript, CSAT, articles. */
function messengerFor(): Messenger {
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = (async (path: string, init: RequestInit) => {
    if (path === '/api/widget/reach') return json({ status: 'verified', email: 'ada@example.net', askForEmail: true });
    if (path === '/api/widget/transcript') return json({ to: 'ada@example.net' }, 202);
    if (path.endsWith('/csat') && init.method === 'GET') return json({ askedAt: '2026-01-13T10:00:00Z', answer: null });
    if (path.startsWith('/api/widget/articles/')) return json({ id: 'a1', title: 'Lumo', url: '/help/lumo', body: 'Lumo 3000', updatedAt: '2026-01-13T10:00:00Z' });
    if (path.startsWith('/api/widget/articles')) return json({ articles: [], suggested: true });
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  }) as typeof globalThis.fetch;
  const state = signal<ConversationState>({ id: 'c1', mode: 'waiting', lastSeq: 3, ticket: { id: 't1', number: 1001, status: 'solved', priority: 'medium', promise: '—', firstResponseDueAt: null } });
  // Safe: the cards use only these members of the messenger.
  return { selfService: { fetch, token: () => 'tok' }, conversation: { state }, page: () => '/' } as unknown as Messenger;
}

/** The members of the messenger the attachments use: the site's limits, no visitor token (so no upload). */
function filesMessengerFor(i18n: Translator): Messenger {
  const site = signal({ attachments: { maxBytes: 2048, types: ['image/png', 'text/plain'] } });
  // Safe: the attach button, the tray and the file list use only these members of the messenger.
  return { connection: { site }, selfService: { fetch: globalThis.fetch, token: () => null }, preferences: { i18n: signal(i18n) }, conversation: { send: () => {} } } as unknown as Messenger;
}

function upload(name: string, type: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type });
}

describe('the lazily loaded views in every language', () => {
  it.each(OTHERS)('%s: the cards and the articles', async (language) => {
    const i18n = await createTranslator(language);
    const english = await englishWords(language, DATA);
    const messenger = messengerFor();
    const { container } = within18n(
      i18n,
      <>
        <RemoteSessionCard card={CARD} timeZone="Europe/London" />
        <ReachCards messenger={messenger} />
        <ArticlesView messenger={messenger} onDidntHelp={() => {}} />
      </>,
    );
    // Drawn once the language's part has loaded: the CSAT form (a solved request) and the transcript button.
    const texts = await waitFor(() => partTexts(i18n, cards) ?? Promise.reject(new Error('cards part not loaded')));
    await screen.findByRole('form', { name: texts.t('csatTitle') });
    expect(screen.getByRole('group', { name: texts.t('invitation', { tool: 'Zoom' }) })).toBeTruthy();
    await screen.findByText(texts.t('noArticles'));
    expect(englishLeft(container, english)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: texts.t('emailTranscript') }));
    await screen.findByText(texts.t('transcriptSent', { email: 'ada@example.net' }));
    expect(englishLeft(container, english)).toEqual([]);
  });

  it.each(OTHERS)('%s: the attach button, the tray’s limits and refusals, and a download', async (language) => {
    const i18n = await createTranslator(language);
    const english = await englishWords(language, [...DATA, 'screenshot.png', 'setup.exe', 'notes.txt', 'PNG', 'TXT']);
    const { container } = within18n(
      i18n,
      <FilesContext.Provider value={filesMessengerFor(i18n)}>
        <form>
          <textarea />
          <AttachButton />
        </form>
        <Files files={[{ id: 'f1', filename: 'notes.txt', contentType: 'text/plain', size: 300, image: false }]} />
      </FilesContext.Provider>,
    );
    const texts = await waitFor(() => partTexts(i18n, files) ?? Promise.reject(new Error('files part not loaded')));
    await screen.findByRole('button', { name: texts.t('attach') });
    expect(screen.getByRole('button', { name: texts.t('download', { name: 'notes.txt' }) })).toBeTruthy();
    expect(englishLeft(container, english)).toEqual([]);

    // Too big, a type the site does not take, and one that passes but finds no connection (no token).
    const pasted = [upload('screenshot.png', 'image/png', 4096), upload('setup.exe', 'application/x-msdownload', 10), upload('notes.txt', 'text/plain', 10)];
    fireEvent.paste(container.querySelector('textarea')!, { clipboardData: { files: pasted } });
    // Compared as written (Intl's narrow no-break spaces would not survive a text matcher's normalising).
    const limits = texts.t('limits', { size: fileSize(language, 2048), types: typeNames(language, ['image/png', 'text/plain']) });
    await waitFor(() => expect(container.querySelector('.fd-uploads__limits')?.textContent).toBe(limits));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(3));
    expect(screen.getAllByRole('alert').map((a) => a.firstChild?.textContent)).toEqual([
      texts.t('tooBig', { name: 'screenshot.png', size: fileSize(language, 2048) }),
      texts.t('badType', { name: 'setup.exe' }),
      texts.t('failedOffline', { name: 'notes.txt' }),
    ]);
    expect(screen.getAllByRole('button', { name: texts.t('dismiss') })).toHaveLength(3);
    expect(englishLeft(container, english)).toEqual([]);
  });

  it.each(OTHERS)('%s: Your requests, a solved request and the delete question', async (language) => {
    const i18n = await createTranslator(language);
    const english = await englishWords(language, DATA);
    const server = fakeSelfService([
      detail({ id: 'r1', number: 1001, subject: 'Lumo', status: 'solved', promise: '—', messages: [{ id: 'm1', author: { kind: 'customer', name: 'Ada' }, body: 'Lumo 3000', createdAt: '2026-01-13T09:00:00.000Z' }] }),
    ]);
    const model = new RequestsModel({ api: new RequestsApi({ fetch: server.fetch }) });
    const { container } = within18n(i18n, <RequestsView model={model} />);
    await act(() => model.load());
    const texts = await waitFor(() => partTexts(i18n, cards) ?? Promise.reject(new Error('cards part not loaded')));
    const list = await screen.findByRole('list', { name: i18n.t('yourRequests') });
    expect(within(list).getByText(texts.t('status_solved'))).toBeTruthy();
    expect(englishLeft(container, english)).toEqual([]);

    fireEvent.click(within(list).getByRole('button', { name: '#1001 Lumo' }));
    await screen.findByRole('form', { name: texts.t('csatTitle') });
    expect(screen.getByRole('button', { name: texts.t('reopen') })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: texts.t('deleteRequest') }));
    expect(screen.getByText(texts.t('deleteQuestion'))).toBeTruthy();
    expect(englishLeft(container, english)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: texts.t('confirmDelete') }));
    await screen.findByText(texts.t('deleted', { number: 1001 }));
    expect(screen.getByText(texts.t('noRequests'))).toBeTruthy();
    expect(englishLeft(container, english)).toEqual([]);
  });

  it.each(OTHERS)('%s: the portal, signed out and signed in', async (language) => {
    const english = await englishWords(language, DATA);
    const server = fakeSelfService([detail({ id: 'r1', number: 1001, subject: 'Lumo', promise: '—' })], null);
    const i18n = await portalTranslator({ fetch: server.fetch, site: 'demo', requested: language, browser: ['en-GB'] });
    expect(i18n.language).toBe(language);
    const model = new PortalModel({ fetch: server.fetch, site: 'demo', language: () => i18n.language });
    const { container } = within18n(i18n, <PortalApp model={model} />);
    await act(() => model.check());
    const email = await screen.findByRole('textbox');
    fireEvent.click(screen.getByRole('button'));
    await screen.findByRole('alert');
    expect(englishLeft(container, english)).toEqual([]);

    fireEvent.input(email, { target: { value: 'ada@example.net' } });
    fireEvent.click(screen.getByRole('button'));
    await screen.findByRole('heading', { level: 2 });
    await waitFor(() => expect(container.textContent).toContain('ada@example.net'));
    expect(englishLeft(container, english)).toEqual([]);
    // The sign-in mail is written in the page's language.
    expect(server.calls.find((c) => c.path === '/api/portal/login-link')?.body).toEqual({ email: 'ada@example.net', site: 'demo', language });

    server.identity = { kind: 'portal', email: 'ada@example.net', verified: true };
    await act(() => model.check());
    await screen.findByRole('button', { name: '#1001 Lumo' });
    expect(englishLeft(container, english)).toEqual([]);
    // The new-request form, with a missing field.
    const buttons = screen.getAllByRole('button');
    fireEvent.click(buttons.find((b) => b.classList.contains('portal-new'))!);
    await screen.findByRole('combobox');
    fireEvent.submit(container.querySelector('form')!);
    await screen.findByRole('alert');
    expect(englishLeft(container, english)).toEqual([]);
  });
});
