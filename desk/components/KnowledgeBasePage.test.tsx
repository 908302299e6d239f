import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi, type KbArticle, type KbArticleInput } from '../api';
import { KaiPreviewModel } from '../models/KaiPreviewModel';
import { KbModel } from '../models/KbModel';
import { HOSTILE_IMG, HOSTILE_SCRIPT, article, json } from '../test/fixtures';
import { KnowledgeBasePage } from './KnowledgeBasePage';

const HOSTILE = `${HOSTILE_SCRIPT} ${HOSTILE_IMG}`;

/** A fake of the knowledge-base and preview routes behind `fetch`. */
function fakeServer(initial: KbArticle[]) {
  let articles = [...initial];
  let n = 0;
  let preview: unknown = { reply: 'Open Settings, then Security.', sources: [], action: 'answer', confidence: 0.9 };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as KbArticleInput & { message?: string }) : null;
    if (url === '/api/kb/articles' && method === 'GET') return json(200, { articles });
    if (url === '/api/kb/articles' && method === 'POST') {
      if (body!.body.includes('{bad}')) return json(400, { error: { code: 'validation_failed', message: 'body: has a bad {bad} in it' } });
      const created = article({ id: `new${++n}`, ...body!, url: body!.url ?? null, tags: body!.tags ?? [] });
      articles = [...articles, created];
      return json(201, created);
    }
    const match = /^\/api\/kb\/articles\/([^/]+)$/.exec(url);
    if (match && method === 'PUT') {
      const updated = article({ id: match[1]!, ...body!, url: body!.url ?? null, tags: body!.tags ?? [] });
      articles = articles.map((a) => (a.id === updated.id ? updated : a));
      return json(200, updated);
    }
    if (match && method === 'DELETE') {
      articles = articles.filter((a) => a.id !== match[1]);
      return new Response(null, { status: 204 });
    }
    if (url === '/api/ai/preview') return json(200, preview);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return {
    fetchMock,
    setPreview(next: unknown) {
      preview = next;
    },
    calls: () => fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`),
    bodyOf: (i: number) => JSON.parse(String(fetchMock.mock.calls[i]?.[1]?.body)) as unknown,
  };
}

async function mount(initial: KbArticle[]) {
  const server = fakeServer(initial);
  vi.stubGlobal('fetch', server.fetchMock);
  const api = new DeskApi();
  const kb = new KbModel(api);
  const preview = new KaiPreviewModel(api);
  await kb.load();
  const view = render(<KnowledgeBasePage kb={kb} preview={preview} />);
  return { ...view, server, kb, preview };
}

const reset = () => article({ id: 'a1', title: 'Reset your password', tags: ['account', 'login'], body: '# Reset\n\n1. Open **Settings**', url: '/help/reset' });
const invoices = () => article({ id: 'a2', title: 'Invoices and tax', tags: ['billing'], body: 'Download them from Billing.', url: null });

const list = () => within(screen.getByRole('region', { name: 'Articles' })).getByRole('list');
const titles = () => within(list()).getAllByRole('button').map((b) => b.querySelector('.kb-list__name')?.textContent);

describe('KnowledgeBasePage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists the articles and filters them with the search box', async () => {
    await mount([reset(), invoices()]);
    expect(titles()).toEqual(['Invoices and tax', 'Reset your password']);
    fireEvent.input(screen.getByLabelText('Search articles'), { target: { value: 'LOGIN' } });
    expect(titles()).toEqual(['Reset your password']);
    fireEvent.input(screen.getByLabelText('Search articles'), { target: { value: 'nothing like this' } });
    expect(screen.getByText('No article matches.')).toBeTruthy();
  });

  it('creates an article from the editor (POST) and lists it', async () => {
    const { server } = await mount([invoices()]);
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Change your plan' } });
    fireEvent.input(screen.getByLabelText('URL'), { target: { value: '/help/change-plan' } });
    fireEvent.input(screen.getByLabelText('Tags'), { target: { value: 'plans, billing' } });
    fireEvent.input(screen.getByLabelText('Body (Markdown)'), { target: { value: '## Steps\n\nOpen **Billing**.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save article' }));
    expect((await screen.findByText('Article created.')).getAttribute('role')).toBe('status');
    expect(server.calls().at(-1)).toBe('POST /api/kb/articles');
    expect(server.bodyOf(server.fetchMock.mock.calls.length - 1)).toEqual({
      title: 'Change your plan',
      body: '## Steps\n\nOpen **Billing**.',
      tags: ['plans', 'billing'],
      url: '/help/change-plan',
    });
    expect(titles()).toEqual(['Change your plan', 'Invoices and tax']);
    expect(within(list()).getByRole('button', { name: /Change your plan/ }).getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('button', { name: 'Delete article' })).toBeTruthy();
  });

  it('edits the selected article (PUT) and updates the list', async () => {
    const { server } = await mount([reset(), invoices()]);
    expect(screen.queryByRole('button', { name: 'Delete article' })).toBeNull(); // a new article has nothing to delete
    fireEvent.click(within(list()).getByRole('button', { name: /Reset your password/ }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Reset your password');
    expect((screen.getByLabelText('Tags') as HTMLInputElement).value).toBe('account, login');
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('/help/reset');
    expect((screen.getByLabelText('Body (Markdown)') as HTMLTextAreaElement).value).toBe('# Reset\n\n1. Open **Settings**');
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Reset a forgotten password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save article' }));
    await screen.findByText('Article saved.');
    expect(server.calls().at(-1)).toBe('PUT /api/kb/articles/a1');
    expect(titles()).toEqual(['Invoices and tax', 'Reset a forgotten password']);

    fireEvent.click(screen.getByRole('button', { name: 'New article' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
  });

  it('deletes only after the confirm step (DELETE), then drops it from the list', async () => {
    const { server } = await mount([reset(), invoices()]);
    fireEvent.click(within(list()).getByRole('button', { name: /Invoices and tax/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete article' }));
    expect(server.calls()).not.toContain('DELETE /api/kb/articles/a2');
    expect(screen.getByText(/Delete “Invoices and tax”\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Confirm delete' })).toBeNull();
    expect(server.calls()).not.toContain('DELETE /api/kb/articles/a2');

    fireEvent.click(screen.getByRole('button', { name: 'Delete article' }));
    const confirm = screen.getByRole('button', { name: 'Confirm delete' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await screen.findByText('Article deleted.');
    expect(server.calls()).toContain('DELETE /api/kb/articles/a2');
    expect(titles()).toEqual(['Reset your password']);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
  });

  it('shows the server\'s validation message', async () => {
    await mount([]);
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Broken' } });
    fireEvent.input(screen.getByLabelText('Body (Markdown)'), { target: { value: 'a {bad} body' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save article' }));
    expect((await screen.findByRole('alert')).textContent).toBe('body: has a bad {bad} in it');
    expect(screen.getByText('No articles yet.')).toBeTruthy();
  });

  it('renders hostile titles, tags, bodies, replies and source links as inert text', async () => {
    const { container, server } = await mount([article({ id: 'x1', title: HOSTILE, tags: [HOSTILE_IMG], body: `<iframe src="javascript:alert(1)"></iframe>\n${HOSTILE}`, url: 'javascript:alert(1)' })]);
    fireEvent.click(within(list()).getByRole('button', { name: new RegExp('script') }));
    server.setPreview({
      reply: HOSTILE,
      sources: [
        { id: 's1', title: HOSTILE_IMG, url: 'javascript:alert(1)' },
        { id: 's2', title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        { id: 's3', title: 'Good', url: 'https://help.example/good' },
      ],
      action: 'handoff',
      confidence: 0.2,
    });
    fireEvent.input(screen.getByLabelText('Visitor message'), { target: { value: HOSTILE } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask Kai' }));
    await screen.findByText('Kai would hand off to a person');
    expect(container.querySelector('script, img, iframe, [onerror]')).toBeNull();
    expect(screen.getByText(HOSTILE, { selector: '.kb-list__name' })).toBeTruthy();
    expect(screen.getByText(HOSTILE, { selector: '.try-kai__reply' })).toBeTruthy();
    expect((screen.getByLabelText('Body (Markdown)') as HTMLTextAreaElement).value).toContain('<iframe');
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^(https?:|\/)/);
    expect(screen.getByText(HOSTILE_IMG, { selector: '.source--unlinked' }).closest('a')).toBeNull();
    expect(screen.getByText(HOSTILE_IMG, { selector: '.kb-list__tags' })).toBeTruthy();
  });
});

describe('Try Kai', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the reply, the sources as links, and the action in words', async () => {
    const { server } = await mount([reset()]);
    server.setPreview({
      reply: 'Open Settings, then Security.\nChoose Reset.',
      sources: [
        { id: 'a1', title: 'Reset your password', url: '/help/reset' },
        { id: 'a9', title: 'Account security', url: 'https://help.example/security' },
      ],
      action: 'answer',
      confidence: 0.82,
    });
    fireEvent.input(screen.getByLabelText('Visitor message'), { target: { value: 'How do I reset my password?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask Kai' }));
    const panel = screen.getByRole('region', { name: 'Try Kai' });
    expect(await within(panel).findByText('Kai would answer')).toBeTruthy();
    expect(server.bodyOf(server.fetchMock.mock.calls.length - 1)).toEqual({ message: 'How do I reset my password?' });
    expect(within(panel).getByText(/Open Settings, then Security\./).textContent).toBe('Open Settings, then Security.\nChoose Reset.');
    expect(within(panel).getByText(/confidence 82%/)).toBeTruthy();
    const sources = within(panel).getByRole('list', { name: 'Sources' });
    expect(within(sources).getByRole('link', { name: 'Reset your password' }).getAttribute('href')).toBe('/help/reset');
    expect(within(sources).getByRole('link', { name: 'Account security' }).getAttribute('href')).toBe('https://help.example/security');

    server.setPreview({ reply: 'I can put you in touch with a person.', sources: [], action: 'offer_handoff', confidence: 0.3 });
    fireEvent.click(screen.getByRole('button', { name: 'Ask Kai' }));
    expect(await within(panel).findByText('Kai would offer a person')).toBeTruthy();
    expect(within(panel).getByText('No article used.')).toBeTruthy();
  });

  it('shows the server\'s message when the question is refused', async () => {
    const { server } = await mount([]);
    server.fetchMock.mockImplementationOnce(async () => json(400, { error: { code: 'validation_failed', message: 'message: String must contain at most 5000 character(s)' } }));
    fireEvent.input(screen.getByLabelText('Visitor message'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask Kai' }));
    expect((await screen.findByRole('alert')).textContent).toBe('message: String must contain at most 5000 character(s)');
  });
});
